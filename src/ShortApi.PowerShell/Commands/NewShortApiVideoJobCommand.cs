using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.PowerShell.Completion;
using ShortApi.PowerShell.Infrastructure;
using ShortApi.Pricing;
using ShortApi.Validation;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>
    /// Validates and submits one image-to-video job per input image, keeping up to -ThrottleLimit
    /// creates in flight, and emits each created job as soon as it exists.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ShortApiVideoJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Default")]
    [OutputType(typeof(VideoJob))]
    public sealed class NewShortApiVideoJobCommand : ApiCmdlet
    {
        private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);

        private ArgumentValidator? _validator;
        private ImagePathResolver? _resolver;
        private IReadOnlyList<ImageInput>? _extraImages;
        private object?[]? _elements;
        private JobJournal? _journal;
        private CostBudget? _budget;
        private BatchSubmitter? _batch;
        private int _submitted;
        private int _failed;
        private int _skipped;
        private DateTime _lastProgress = DateTime.MinValue;

        /// <summary>The model: a short name such as vidu-q3, or a full id (one the catalog lacks is sent as given).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Model { get; set; } = string.Empty;

        /// <summary>What should happen in the video.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>The still to animate: a path (wildcards allowed) or an http(s) URL. One job per image.</summary>
        [Parameter(Position = 2, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath", "Path", "Url")]
        [SupportsWildcards]
        public string[]? Image { get; set; }

        /// <summary>kling-o1: further images after -Image (the last frame for frame, references for refer).</summary>
        [Parameter]
        [SupportsWildcards]
        public string[]? Images { get; set; }

        /// <summary>kling-o1: elements, each @{ frontal_image_url = '...'; reference_image_urls = @('...') }.</summary>
        [Parameter]
        public Hashtable[]? Element { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AspectRatioCompleter))]
        public string? AspectRatio { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ResolutionCompleter))]
        public string? Resolution { get; set; }

        /// <summary>Length in seconds; sent as a number or text, as the model's page says.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DurationCompleter))]
        public int? Duration { get; set; }

        // Not bound by property name: files from Get-ChildItem carry a Mode property ("-a---").
        [Parameter]
        [ArgumentCompleter(typeof(ModeCompleter))]
        public string? Mode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ActionCompleter))]
        public string? Action { get; set; }

        [Parameter]
        public SwitchParameter GenerateAudio { get; set; }

        [Parameter]
        public SwitchParameter MultiShot { get; set; }

        /// <summary>More arguments merged into args, for options the catalog does not know.</summary>
        [Parameter]
        public Hashtable? Arguments { get; set; }

        [Parameter]
        public string? CallbackUrl { get; set; }

        /// <summary>How many creates may be in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, BatchSubmitter.MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>A JSON-lines journal: inputs already in it are not submitted again.</summary>
        [Parameter]
        public string? JournalPath { get; set; }

        /// <summary>Stop before the job whose estimated cost would take the batch past this amount (USD).</summary>
        [Parameter]
        [ValidateRange(0, 1000000)]
        public decimal? MaxCost { get; set; }

        /// <summary>Submit even inputs the journal has (already created, or of unknown outcome).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                _validator = new ArgumentValidator(ModuleSession.Catalog);
                _resolver = new ImagePathResolver(SessionState);
                _extraImages = Images?.SelectMany(_resolver.Resolve).ToList();
                _elements = Element?.Select(PSObjectUnwrapper.Unwrap).ToArray();
                _journal = OpenJournal(JournalPath);
                _budget = MaxCost.HasValue ? new CostBudget(MaxCost.Value) : null;
            }
            catch (ShortApiException ex)
            {
                ThrowFailure(ex);
            }
        }

        protected override void ProcessRecord()
        {
            try
            {
                foreach (var image in ImagesOfThisInput())
                {
                    SubmitOne(image);
                }

                TakeResults(wait: false);
            }
            catch (OperationCanceledException) when (IsStopping)
            {
                throw new PipelineStoppedException();
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                if (_batch != null)
                {
                    _batch.CompleteAdding();
                    while (!_batch.IsCompleted)
                    {
                        TakeResults(wait: true);
                    }
                }

                FlushLog();
                WriteProgress(new ProgressRecord(1, "Submitting video jobs", "Done") { RecordType = ProgressRecordType.Completed });
            }
            catch (OperationCanceledException) when (IsStopping)
            {
                throw new PipelineStoppedException();
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

        /// <summary>The images this pipeline input stands for (a wildcard may give several); one null when there is no -Image.</summary>
        private IEnumerable<ImageInput?> ImagesOfThisInput()
        {
            if (Image == null || Image.Length == 0)
            {
                yield return null;
                yield break;
            }

            foreach (string value in Image)
            {
                IReadOnlyList<ImageInput> resolved;
                try
                {
                    resolved = _resolver!.Resolve(value);
                }
                catch (ShortApiException ex)
                {
                    _failed++;
                    WriteFailure(ex, value);
                    continue;
                }

                foreach (var image in resolved)
                {
                    yield return image;
                }
            }
        }

        private void SubmitOne(ImageInput? image)
        {
            PreparedJob job;
            try
            {
                job = _validator!.Validate(BuildRequest(image));
            }
            catch (ShortApiException ex)
            {
                _failed++;
                WriteFailure(ex, image?.Original ?? (object)Model);
                return;
            }

            foreach (var warning in job.Warnings)
            {
                WriteWarning(warning.Message);
            }

            if (_journal != null && !Force && SkipBecauseJournaled(job))
            {
                return;
            }

            if (_budget != null)
            {
                try
                {
                    _budget.EnsureFits(job);
                }
                catch (ShortApiException ex)
                {
                    FinishInFlight();
                    ThrowFailure(ex, job.Source);
                }
            }

            string source = job.Source.Length > 0 ? job.Source : job.Model.DisplayName;
            string action = job.Describe();
            if (!ShouldProcess($"Submitting '{source}' to {action}.", $"Submit '{source}' to {action}?", "Submit a video job", out var reason))
            {
                if (reason == ShouldProcessReason.WhatIf)
                {
                    _budget?.Commit(job); // so -WhatIf shows where -MaxCost would stop
                }

                return;
            }

            _budget?.Commit(job);
            var batch = _batch ??= Client.StartBatch(ThrottleLimit, _journal, Force, StopToken);
            while (!batch.HasFreeSlot)
            {
                TakeResults(wait: true);
            }

            batch.Start(job, job);
            ReportProgress(force: false);
        }

        /// <summary>True when the journal already has this input: an existing job is passed on, an unknown outcome is an error.</summary>
        private bool SkipBecauseJournaled(PreparedJob job)
        {
            var lookup = _journal!.Find(job.InputKey);
            if (lookup.IsFree)
            {
                return false;
            }

            _skipped++;
            var error = AlreadySubmittedException.For(job, lookup);
            if (lookup.Status == InputStatus.Submitted)
            {
                // Passed on, so "New | Wait | Save" re-run with the same journal still carries the whole batch.
                WriteWarning(error.Message + " Use -Force to submit it again.");
                WriteObject(lookup.Job);
            }
            else
            {
                WriteFailure(error, job.Source);
            }

            return true;
        }

        private JobRequest BuildRequest(ImageInput? image)
        {
            var request = new JobRequest(Model) { Prompt = Prompt, Image = image, CallbackUrl = CallbackUrl };
            var arguments = request.Arguments;
            Set(arguments, "aspect_ratio", AspectRatio);
            Set(arguments, "resolution", Resolution);
            Set(arguments, "duration", Duration);
            Set(arguments, "mode", Mode);
            Set(arguments, "action", Action);
            if (MyInvocation.BoundParameters.ContainsKey(nameof(GenerateAudio)))
            {
                arguments["generate_audio"] = GenerateAudio.IsPresent;
            }

            if (MyInvocation.BoundParameters.ContainsKey(nameof(MultiShot)))
            {
                arguments["multi_shot"] = MultiShot.IsPresent;
            }

            if (_extraImages != null && _extraImages.Count > 0)
            {
                arguments["images"] = _extraImages;
            }

            if (_elements != null && _elements.Length > 0)
            {
                arguments["elements"] = _elements;
            }

            if (Arguments != null)
            {
                foreach (DictionaryEntry entry in Arguments)
                {
                    request.ExtraArguments[entry.Key?.ToString() ?? string.Empty] = PSObjectUnwrapper.Unwrap(entry.Value);
                }
            }

            return request;
        }

        private static void Set(IDictionary<string, object?> arguments, string name, object? value)
        {
            if (value != null)
            {
                arguments[name] = value;
            }
        }

        /// <summary>Writes the results that have landed; with <paramref name="wait"/>, waits a little for one.</summary>
        private void TakeResults(bool wait)
        {
            FlushLog();
            if (_batch == null)
            {
                return;
            }

            while (_batch.TryTake(out var result, wait ? ProgressEvery : TimeSpan.Zero, StopToken))
            {
                Emit(result);
                wait = false;
            }

            FlushLog();
            ReportProgress(force: false);
        }

        private void Emit(SubmissionResult result)
        {
            if (result.Succeeded)
            {
                _submitted++;
                WriteObject(result.Created);
                return;
            }

            _failed++;
            var error = result.Error!;
            if (error.Reason != ShortApiErrorReason.CreateOutcomeUnknown)
            {
                _budget?.Release(result.Job); // refused: nothing was spent
            }

            object target = result.Job.Source.Length > 0 ? result.Job.Source : (object)result.Job.Model.DisplayName;
            if (StopsTheBatch(error))
            {
                // A refused key or an empty balance fails every other input the same way: stop now.
                _batch!.Dispose();
                ThrowFailure(error, target);
            }

            WriteFailure(error, target);
        }

        private static bool StopsTheBatch(ShortApiException error) =>
            error.Reason == ShortApiErrorReason.AuthenticationFailed || error.Reason == ShortApiErrorReason.QuotaExceeded;

        /// <summary>Before stopping on the budget: the creates already sent still land and are reported.</summary>
        private void FinishInFlight()
        {
            if (_batch == null)
            {
                return;
            }

            _batch.CompleteAdding();
            while (!_batch.IsCompleted)
            {
                TakeResults(wait: true);
            }
        }

        private void ReportProgress(bool force)
        {
            if (!force && DateTime.UtcNow - _lastProgress < ProgressEvery)
            {
                return;
            }

            _lastProgress = DateTime.UtcNow;
            string status = $"{_submitted} submitted, {_failed} failed, {_batch?.InFlight ?? 0} in flight" + (_skipped > 0 ? $", {_skipped} already in the journal" : string.Empty);
            WriteProgress(new ProgressRecord(1, "Submitting video jobs", status));
        }
    }
}
