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
        [Parameter(ParameterSetName = JobSet, Mandatory = true, ValueFromPipeline = true)]
        public VideoJob[]? Job { get; set; }

        /// <summary>A journal written by New-ShortApiVideoJob -JournalPath: every job in it is listed.</summary>
        [Parameter(ParameterSetName = JournalSet, Mandatory = true)]
        public string? JournalPath { get; set; }

        /// <summary>Show what the journal recorded without asking the service (no key needed).</summary>
        [Parameter(ParameterSetName = JournalSet)]
        public SwitchParameter Offline { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                _journal = OpenJournal(JournalPath);
                if (_journal != null)
                {
                    RequireExisting(_journal);
                }
            }
            catch (ShortApiException ex)
            {
                ThrowFailure(ex);
            }
        }

        protected override void ProcessRecord()
        {
            _pending.AddRange(Job ?? Array.Empty<VideoJob>());
            foreach (string id in JobId ?? Array.Empty<string>())
            {
                _pending.Add(Client.JobFromId(id));
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == JournalSet)
            {
                _pending.AddRange(_journal!.Jobs);
                if (_journal.SkippedLines > 0)
                {
                    WriteWarning($"The journal {_journal.Path} has {_journal.SkippedLines} line(s) that are not records (a run killed mid-write leaves one); they were skipped.");
                }
            }

            if (Offline)
            {
                WriteObject(_pending, enumerateCollection: true);
                return;
            }

            // Ended jobs stay as they are; only the others are asked about, under the shared query budget.
            var toRefresh = _pending.Where(j => !j.IsFinal).ToList();
            IReadOnlyList<(VideoJob Job, ShortApiException? Error)> results;
            try
            {
                results = toRefresh.Count == 0
                    ? Array.Empty<(VideoJob, ShortApiException?)>()
                    : Client.RefreshAllAsync(toRefresh, StopToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (IsStopping)
            {
                throw new PipelineStoppedException();
            }

            FlushLog();
            var failed = new HashSet<VideoJob>();
            foreach (var (job, error) in results)
            {
                if (error != null)
                {
                    failed.Add(job);
                    WriteFailure(error, job.JobId);
                }
                else if (job.IsFinal && _journal != null && _journal.FindJob(job.JobId) != null)
                {
                    _journal.RecordFinal(job);
                }
            }

            WriteObject(_pending.Where(j => !failed.Contains(j)), enumerateCollection: true);
        }
    }
}
