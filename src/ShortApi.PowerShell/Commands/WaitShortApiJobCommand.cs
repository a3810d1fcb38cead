using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShortApi.Errors;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.PowerShell.Infrastructure;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>
    /// Waits for many jobs at once and emits each as it ends, in the order they end; with
    /// -OutputDirectory each success is downloaded the moment it is known. Jobs are taken while
    /// they are still being created upstream, so "New | Wait" overlaps submitting and waiting.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "ShortApiJob", DefaultParameterSetName = JobSet)]
    [OutputType(typeof(VideoJob))]
    public sealed class WaitShortApiJobCommand : ApiCmdlet
    {
        private const string JobSet = "Job";
        private const string IdSet = "Id";
        private const int ChildProgressLimit = 10;
        private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(500);

        private readonly Dictionary<string, (VideoJob Job, int ActivityId)> _running = new Dictionary<string, (VideoJob, int)>(StringComparer.Ordinal);
        private JobJournal? _journal;
        private JobWaiter? _waiter;
        private int _nextActivityId = 2;
        private bool _anyGiven;
        private DateTime _lastProgress = DateTime.MinValue;

        /// <summary>Jobs to wait for, usually from New-ShortApiVideoJob or Get-ShortApiJob.</summary>
        [Parameter(ParameterSetName = JobSet, Position = 0, ValueFromPipeline = true)]
        public VideoJob[]? Job { get; set; }

        /// <summary>Ids of jobs to wait for.</summary>
        [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string[]? JobId { get; set; }

        /// <summary>Seconds to wait in all; jobs still running then are reported, and keep running.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>Seconds between queries of a job; by default the gap grows with the job's age.</summary>
        [Parameter]
        [ValidateRange(0.1, 3600)]
        public double? PollInterval { get; set; }

        /// <summary>Download each job's outputs here as soon as it succeeds.</summary>
        [Parameter]
        public string? OutputDirectory { get; set; }

        /// <summary>Record final states here; with no jobs given, wait for every job the journal holds.</summary>
        [Parameter]
        public string? JournalPath { get; set; }

        protected override void Begin()
        {
            _journal = OpenJournal(JournalPath);
            _waiter = Client.StartWait(
                new WaitOptions
                {
                    Timeout = Timeout.HasValue ? TimeSpan.FromSeconds(Timeout.Value) : (TimeSpan?)null,
                    PollInterval = PollInterval.HasValue ? TimeSpan.FromSeconds(PollInterval.Value) : (TimeSpan?)null,
                    DownloadDirectory = OutputDirectory == null ? null : ResolvePath(OutputDirectory),
                    Journal = _journal,
                },
                StopToken);
        }

        protected override void Process()
        {
            var jobs = Job ?? (JobId ?? Array.Empty<string>()).Select(JobFor);
            foreach (var job in jobs)
            {
                _anyGiven = true;
                if (job != null)
                {
                    Add(job);
                }
            }

            Drain(_waiter!.Events, Handle);
        }

        protected override void End()
        {
            if (!_anyGiven && _journal != null)
            {
                EnsureExists(_journal);

                // Nothing piped in: pick up every job of the journal (a killed run being resumed).
                foreach (var job in _journal.Jobs)
                {
                    Add(job);
                }
            }

            if (_waiter!.Progress.Total == 0)
            {
                WriteWarning(_journal != null
                    ? $"There was nothing to wait for: the journal {_journal.Path} holds no jobs."
                    : "There was nothing to wait for: pipe jobs from New-ShortApiVideoJob or Get-ShortApiJob, or give -JobId or -JournalPath.");
            }

            _waiter!.CompleteAdding();
            Drain(_waiter.Events, Handle, until: () => false);
            CompleteProgress();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _waiter?.Dispose();
            }

            base.Dispose(disposing);
        }

        protected override void ReportProgress() => WriteProgressIfDue();

        /// <summary>The job for an id (with what a journal knows of it); null, after an error naming it, for one that cannot be an id.</summary>
        private VideoJob? JobFor(string id)
        {
            try
            {
                return _journal?.FindJob(id.Trim()) ?? JobJournal.FindInOpenJournals(id.Trim()) ?? Client.JobFromId(id);
            }
            catch (ShortApiException ex) when (ex.Reason == ShortApiErrorReason.InvalidArgument)
            {
                WriteFailure(ex);
                return null;
            }
        }

        private void Add(VideoJob job)
        {
            if (_waiter!.Add(job))
            {
                _running[job.JobId] = (job, _nextActivityId++);
            }
        }

        private void Handle(WaitEvent e)
        {
            switch (e.Kind)
            {
                case WaitEventKind.Ended:
                    Finished(e.Job!);
                    WriteObject(e.Job);
                    if (e.Error != null)
                    {
                        WriteFailure(e.Error, e.Job);
                    }

                    break;
                case WaitEventKind.TimedOut:
                    Finished(e.Job!);
                    WriteFailure(e.Error!, e.Job);
                    break;
                case WaitEventKind.Failed when e.Job != null:
                    Finished(e.Job);
                    WriteFailure(e.Error!, e.Job);
                    break;
                case WaitEventKind.Failed:
                    // A refused key or an empty balance: no job can go on.
                    CompleteProgress();
                    ThrowFailure(e.Error!);
                    break;
                case WaitEventKind.Warning:
                    WriteWarning(e.Message);
                    break;
            }
        }

        private void Finished(VideoJob job)
        {
            if (_running.TryGetValue(job.JobId, out var entry))
            {
                _running.Remove(job.JobId);
                if (entry.ActivityId > 0)
                {
                    WriteProgress(new ProgressRecord(entry.ActivityId, Describe(job), job.Status.ToString()) { ParentActivityId = 1, RecordType = ProgressRecordType.Completed });
                }
            }
        }

        private void WriteProgressIfDue()
        {
            if (DateTime.UtcNow - _lastProgress < ProgressEvery)
            {
                return;
            }

            _lastProgress = DateTime.UtcNow;
            var p = _waiter!.Progress;
            string status = $"{p.Succeeded} done, {p.Failed} failed, {p.Running} running, {p.Elapsed:hh\\:mm\\:ss} elapsed";
            WriteProgress(new ProgressRecord(1, "Waiting for video jobs", status) { PercentComplete = p.PercentComplete });

            // A line per job while there are few enough to read.
            if (_running.Count <= ChildProgressLimit)
            {
                foreach (var entry in _running.Values)
                {
                    var job = entry.Job;
                    string state = job.ElapsedSeconds is double seconds ? $"{job.Status} for {TimeSpan.FromSeconds(seconds):hh\\:mm\\:ss}" : job.Status.ToString();
                    WriteProgress(new ProgressRecord(entry.ActivityId, Describe(job), state) { ParentActivityId = 1 });
                }
            }
        }

        private void CompleteProgress()
        {
            foreach (var entry in _running.Values)
            {
                WriteProgress(new ProgressRecord(entry.ActivityId, Describe(entry.Job), "Stopped") { ParentActivityId = 1, RecordType = ProgressRecordType.Completed });
            }

            WriteProgress(new ProgressRecord(1, "Waiting for video jobs", "Done") { RecordType = ProgressRecordType.Completed });
        }

        private static string Describe(VideoJob job) => job.SourceName.Length > 0 ? $"Job {job.JobId} ({job.SourceName})" : $"Job {job.JobId}";
    }
}
