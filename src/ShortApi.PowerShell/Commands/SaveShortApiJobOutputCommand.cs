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
        private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);

        private JobWaiter? _downloads;
        private string _folder = string.Empty;
        private int _saved;
        private DateTime _lastProgress = DateTime.MinValue;

        /// <summary>Jobs that succeeded, usually from Wait-ShortApiJob.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public VideoJob[]? Job { get; set; }

        /// <summary>The folder to save into (created if missing); the current location by default.</summary>
        [Parameter(Position = 1)]
        public string Path { get; set; } = ".";

        /// <summary>Replace files that already exist; by default they are kept and emitted as they are.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void Begin() => _folder = ResolvePath(Path);

        protected override void Process()
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

            if (_downloads != null)
            {
                Drain(_downloads.Events, Write);
            }
        }

        protected override void End()
        {
            if (_downloads == null)
            {
                return;
            }

            _downloads.CompleteAdding();
            Drain(_downloads.Events, Write, until: () => false);
            _lastProgress = DateTime.MinValue;
            ReportProgress(); // the final count, however quickly the downloads went
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

        protected override void ReportProgress()
        {
            if (_downloads == null || DateTime.UtcNow - _lastProgress < ProgressEvery)
            {
                return;
            }

            _lastProgress = DateTime.UtcNow;
            WriteProgress(new ProgressRecord(1, "Saving job outputs", $"{_saved} file(s) saved, {_downloads.Progress.Running} job(s) downloading"));
        }

        private void Write(WaitEvent e)
        {
            if (e.Kind == WaitEventKind.Warning)
            {
                WriteWarning(e.Message);
                return;
            }

            if (e.Error != null)
            {
                WriteFailure(e.Error, e.Job);
                return;
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
}
