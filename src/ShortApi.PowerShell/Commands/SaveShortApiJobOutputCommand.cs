using System;
using System.IO;
using System.Management.Automation;
using ShortApi.Jobs;
using ShortApi.PowerShell.Infrastructure;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>
    /// Downloads finished jobs' outputs (a few at once) into a folder and emits the files. Each file
    /// is named from the job's source and id, written under a temporary name and renamed when complete.
    /// </summary>
    [Cmdlet(VerbsData.Save, "ShortApiJobOutput", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveShortApiJobOutputCommand : ApiCmdlet
    {
        private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

        private JobWaiter? _downloads;
        private string _folder = string.Empty;
        private int _saved;

        /// <summary>Jobs that succeeded, usually from Wait-ShortApiJob.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public VideoJob[]? Job { get; set; }

        /// <summary>The folder to save into (created if missing); the current location by default.</summary>
        [Parameter(Position = 1)]
        public string Path { get; set; } = ".";

        /// <summary>Replace files that already exist; by default they are kept and emitted as they are.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            _folder = ResolvePath(Path);
        }

        protected override void ProcessRecord()
        {
            foreach (var job in Job ?? Array.Empty<VideoJob>())
            {
                if (!ShouldProcess($"Saving the output(s) of job {job.JobId} into {_folder}.", $"Save the outputs of job {job.JobId} into {_folder}?", "Save job output"))
                {
                    continue;
                }

                // Jobs are taken as they are: successes downloaded, the others reported, none waited for.
                _downloads ??= Client.StartWait(new WaitOptions { DownloadDirectory = _folder, Overwrite = Force, DownloadOnly = true }, StopToken);
                _downloads.Add(job);
            }

            Drain(wait: false);
        }

        protected override void EndProcessing()
        {
            if (_downloads == null)
            {
                return;
            }

            _downloads.CompleteAdding();
            while (!_downloads.IsCompleted)
            {
                Drain(wait: true);
            }

            WriteProgress(new ProgressRecord(1, "Saving job outputs", "Done") { RecordType = ProgressRecordType.Completed });
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _downloads?.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Drain(bool wait)
        {
            FlushLog();
            if (_downloads == null)
            {
                return;
            }

            try
            {
                var timeout = wait ? PollEvery : TimeSpan.Zero;
                while (_downloads.TryTake(out var e, timeout, StopToken))
                {
                    timeout = TimeSpan.Zero;
                    if (e.Error != null)
                    {
                        WriteFailure(e.Error, e.Job);
                        continue;
                    }

                    foreach (var file in e.Files)
                    {
                        _saved++;
                        if (file.AlreadyPresent)
                        {
                            WriteVerbose($"{file.Path} already exists and was kept (use -Force to replace it).");
                        }

                        // The provider's item, not a bare FileInfo: it formats like Get-ChildItem output.
                        WriteObject(SessionState.InvokeProvider.Item.Get(new[] { file.Path }, false, true), enumerateCollection: true);
                    }
                }
            }
            catch (OperationCanceledException) when (IsStopping)
            {
                throw new PipelineStoppedException();
            }

            FlushLog();
            var progress = _downloads.Progress;
            WriteProgress(new ProgressRecord(1, "Saving job outputs", $"{_saved} file(s) saved, {progress.Running} job(s) downloading"));
        }
    }
}
