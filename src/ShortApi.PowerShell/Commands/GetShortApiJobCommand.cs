using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShortApi.Errors;
using ShortApi.Journal;
using ShortApi.PowerShell.Infrastructure;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>Gets jobs' current state: by id, by job object, or every job a journal holds, asking the service about those not ended yet.</summary>
    [Cmdlet(VerbsCommon.Get, "ShortApiJob", DefaultParameterSetName = JobSet)]
    [OutputType(typeof(VideoJob))]
    public sealed class GetShortApiJobCommand : ApiCmdlet
    {
        private const string IdSet = "Id";
        private const string JobSet = "Job";
        private const string JournalSet = "Journal";

        private readonly List<VideoJob> _pending = new List<VideoJob>();
        private JobJournal? _journal;

        /// <summary>Ids of the jobs.</summary>
        [Parameter(ParameterSetName = IdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? JobId { get; set; }

        /// <summary>Job objects to refresh; they keep their model, source and cost.</summary>
        [Parameter(ParameterSetName = JobSet, ValueFromPipeline = true)]
        public VideoJob[]? Job { get; set; }

        /// <summary>A journal written by New-ShortApiVideoJob -JournalPath: alone, every job in it is listed; with -JobId, it fills in what it knows of those jobs.</summary>
        [Parameter(ParameterSetName = JournalSet, Mandatory = true)]
        [Parameter(ParameterSetName = IdSet)]
        public string? JournalPath { get; set; }

        /// <summary>Show what the journal recorded without asking the service (no key needed).</summary>
        [Parameter(ParameterSetName = JournalSet)]
        public SwitchParameter Offline { get; set; }

        protected override void Begin() => _journal = OpenJournal(JournalPath, mustExist: ParameterSetName == JournalSet);

        protected override void Process()
        {
            _pending.AddRange(Job ?? Array.Empty<VideoJob>());
            foreach (string id in JobId ?? Array.Empty<string>())
            {
                try
                {
                    // A job a journal knows keeps its model, source and cost; one it does not is known by its id alone.
                    _pending.Add(_journal?.FindJob(id.Trim()) ?? JobJournal.FindInOpenJournals(id.Trim()) ?? Client.JobFromId(id));
                }
                catch (ShortApiException ex) when (ex.Reason == ShortApiErrorReason.InvalidArgument)
                {
                    WriteFailure(ex); // one id that cannot be one; the others go on
                }
            }
        }

        protected override void End()
        {
            if (ParameterSetName == JournalSet)
            {
                _pending.AddRange(_journal!.Jobs);
            }
            else if (_pending.Count == 0 && !MyInvocation.ExpectingInput)
            {
                WriteFailure(new ShortApiException(
                    ShortApiErrorReason.InvalidArgument,
                    "Nothing to get: give job ids (Get-ShortApiJob job_123), pipe jobs from New-ShortApiVideoJob, or list a journal's jobs with -JournalPath."));
                return;
            }

            if (Offline)
            {
                WriteObject(_pending, enumerateCollection: true);
                return;
            }

            // Ended jobs stay as they are; only the others are asked about, under the shared query budget.
            var toRefresh = _pending.Where(j => !j.IsFinal).ToList();
            var results = toRefresh.Count == 0
                ? Array.Empty<(VideoJob, ShortApiException?)>()
                : Client.RefreshAllAsync(toRefresh, _journal, StopToken).GetAwaiter().GetResult();

            FlushLog();
            var failed = new HashSet<VideoJob>();
            foreach (var (job, error) in results)
            {
                if (error != null)
                {
                    failed.Add(job);
                    WriteFailure(error, job.JobId);
                }
            }

            WriteObject(_pending.Where(j => !failed.Contains(j)), enumerateCollection: true);
        }
    }
}
