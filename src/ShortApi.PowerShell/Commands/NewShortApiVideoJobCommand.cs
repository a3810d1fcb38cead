using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ShortApi.Errors;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.PowerShell.Binding;
using ShortApi.PowerShell.Infrastructure;
using ShortApi.Pricing;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>
    /// Validates and submits one image-to-video job per input image, keeping up to -ThrottleLimit
    /// creates in flight, and emits each created job as soon as it exists.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ShortApiVideoJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Default")]
    [OutputType(typeof(VideoJob))]
    public sealed class NewShortApiVideoJobCommand : VideoJobCmdlet
    {
        private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);

        private readonly List<string> _submittedIds = new List<string>();
        private readonly List<string> _alreadySubmitted = new List<string>();
        private ShortApiClient? _client;
        private JobJournal? _journal;
        private CostBudget? _budget;
        private BatchSubmitter? _batch;
        private int _failed;
        private DateTime _lastProgress = DateTime.MinValue;

        /// <summary>What should happen in the video.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public override string? Prompt { get; set; }

        /// <summary>The API key (a SecureString, or text converted as it binds); else the one from Connect-ShortApi, else $env:SHORTAPI_KEY.</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        /// <summary>The API endpoint; else the one from Connect-ShortApi, else $env:SHORTAPI_BASE_URL, else https://api.shortapi.ai.</summary>
        [Parameter]
        public string? Endpoint { get; set; }

        /// <summary>The most creates in flight at once: a ceiling the adaptive throttle grows towards while the service is calm.</summary>
        [Parameter]
        [ValidateRange(1, BatchSubmitter.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = BatchSubmitter.DefaultThrottleLimit;

        /// <summary>A JSON-lines journal: inputs already in it are not submitted again.</summary>
        [Parameter]
        public string? JournalPath { get; set; }

        /// <summary>Stop submitting before the job whose estimated cost would take the batch past this amount (USD).</summary>
        [Parameter]
        [ValidateRange(0, 1000000)]
        public decimal? MaxCost { get; set; }

        /// <summary>Submit even inputs the journal has (already created, or of unknown outcome).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override bool PromptRequired => true;

        private ShortApiClient Client => _client ??= ClientFactory.Create(ApiKey, Endpoint, LogSink);

        protected override void Begin()
        {
            base.Begin();
            _journal = OpenJournal(JournalPath);
            _budget = MaxCost.HasValue ? new CostBudget(MaxCost.Value) : null;
        }

        protected override void Process()
        {
            foreach (var job in PrepareJobs())
            {
                Submit(job);
            }

            if (_batch != null)
            {
                Drain(_batch.Results, Emit);
                StopIfTheBatchStopped();
            }
        }

        protected override void End()
        {
            if (_batch != null)
            {
                _batch.CompleteAdding();
                Drain(_batch.Results, Emit, until: () => false);
            }

            WriteProgress(new ProgressRecord(1, "Submitting video jobs", "Done") { RecordType = ProgressRecordType.Completed });
            if (_alreadySubmitted.Count > 0)
            {
                WriteWarning($"{_alreadySubmitted.Count} input(s) were already submitted according to the journal {_journal!.Path}; their jobs were passed on and not sent again (-Verbose lists them; -Force submits them again).");
            }

            StopIfTheBatchStopped();
            if (_budget?.StopReport(_submittedIds) is ShortApiException budgetStop)
            {
                WriteError(ToErrorRecord(budgetStop, budgetStop.Target));
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _batch?.Dispose();
            }

            base.Dispose(disposing);
        }

        protected override void ReportProgress()
        {
            if (DateTime.UtcNow - _lastProgress < ProgressEvery)
            {
                return;
            }

            _lastProgress = DateTime.UtcNow;
            string status = $"{_submittedIds.Count} submitted, {_failed} failed, {_batch?.InFlight ?? 0} in flight" + (_alreadySubmitted.Count > 0 ? $", {_alreadySubmitted.Count} already in the journal" : string.Empty);
            WriteProgress(new ProgressRecord(1, "Submitting video jobs", status));
        }

        private void Submit(PreparedJob job)
        {
            // Reaching the budget stops submitting; the jobs already created flow on, and End says where it stopped.
            if ((_journal != null && !Force && IsJournaled(job)) || (_budget != null && !_budget.TryAdmit(job)))
            {
                return;
            }

            string action = job.Describe();
            if (!ShouldProcess($"Submitting '{job.DisplaySource}' to {action}.", $"Submit '{job.DisplaySource}' to {action}?", "Submit a video job", out var reason))
            {
                if (reason == ShouldProcessReason.WhatIf)
                {
                    _budget?.Commit(job); // so -WhatIf shows where -MaxCost would stop
                }

                return;
            }

            var batch = _batch ??= Client.StartBatch(ThrottleLimit, _journal, Force, _budget, StopToken);
            Drain(batch.Results, Emit, until: () => batch.HasFreeSlot || batch.StoppedBy != null);
            StopIfTheBatchStopped();
            if (!batch.Start(job))
            {
                // The batch stopped between the look and the start: say so for this input, then stop.
                WriteInputFailure(new ShortApiException(batch.StoppedBy!.Reason, $"'{job.DisplaySource}' was not sent, because the batch stopped: {batch.StoppedBy.Message}"), job.DisplaySource);
                StopIfTheBatchStopped();
            }
        }

        /// <summary>
        /// A refused key or an empty balance fails every input alike: once the batch has stopped,
        /// the creates still landing are written, then the command stops with that error.
        /// </summary>
        private void StopIfTheBatchStopped()
        {
            if (_batch?.StoppedBy is ShortApiException stopped)
            {
                _batch.CompleteAdding();
                Drain(_batch.Results, Emit, until: () => false);
                ThrowFailure(stopped);
            }
        }

        /// <summary>True when the journal already has this input: an existing job is passed on, anything else is reported.</summary>
        private bool IsJournaled(PreparedJob job)
        {
            var lookup = _journal!.Find(job.InputKey);
            if (lookup.IsFree)
            {
                return false;
            }

            Report(AlreadySubmittedException.For(job, lookup));
            return true;
        }

        private void Emit(SubmissionResult result)
        {
            if (result.Succeeded)
            {
                _submittedIds.Add(result.Created!.JobId);
                WriteObject(result.Created);
            }
            else if (result.Error is AlreadySubmittedException journaled)
            {
                Report(journaled); // another runspace claimed it between our look and our claim
            }
            else if (!ReferenceEquals(result.Error, _batch!.StoppedBy))
            {
                _failed++;
                WriteInputFailure(result.Error!, result.Job.DisplaySource);
            }
        }

        /// <summary>What the journal says of an input: its job passed on, in progress elsewhere, or of unknown outcome.</summary>
        private void Report(AlreadySubmittedException journaled)
        {
            switch (journaled.Lookup.Status)
            {
                case InputStatus.Submitted:
                    // Passed on, so "New | Wait | Save" re-run with the same journal still carries the whole batch.
                    _alreadySubmitted.Add(journaled.Lookup.Job!.JobId);
                    WriteVerbose(journaled.Message);
                    WriteObject(journaled.Lookup.Job);
                    break;
                case InputStatus.InProgress:
                    WriteWarning(journaled.Message);
                    break;
                default:
                    _failed++;
                    WriteInputFailure(journaled, journaled.Target);
                    break;
            }
        }
    }
}
