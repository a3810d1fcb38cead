using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.PowerShell.Binding;
using ShortApi.PowerShell.Completion;
using ShortApi.Validation;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>
    /// The parameters that describe a video job, and how each pipeline input becomes validated
    /// jobs: shared by New-ShortApiVideoJob, which sends them, and Measure-ShortApiVideoJob, which
    /// prices them, so both bind and refuse exactly alike.
    /// </summary>
    public abstract class VideoJobCmdlet : ShortApiCmdlet
    {
        private ArgumentValidator? _validator;
        private ImagePathResolver? _resolver;
        private IReadOnlyList<ImageInput>? _extraImages;
        private object?[]? _elements;
        private int _inputNumber;

        /// <summary>True when a job without a prompt is refused, as the model pages require one.</summary>
        protected abstract bool PromptRequired { get; }

        /// <summary>The model: a short name such as vidu-q3, or a full id (one the catalog lacks is sent as given).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string Model { get; set; } = string.Empty;

        /// <summary>
        /// What should happen in the video. Each cmdlet declares it: a submit needs one, while an
        /// estimate does not, since no price depends on it.
        /// </summary>
        public abstract string? Prompt { get; set; }

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
        [NotGivenWhenEmpty]
        [ArgumentCompleter(typeof(ModelValueCompleter))]
        public string? AspectRatio { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [NotGivenWhenEmpty]
        [ArgumentCompleter(typeof(ModelValueCompleter))]
        public string? Resolution { get; set; }

        /// <summary>Length in seconds.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [NotGivenWhenEmpty]
        [ArgumentCompleter(typeof(ModelValueCompleter))]
        public int? Duration { get; set; }

        // Not bound by property name: files from Get-ChildItem carry a Mode property ("-a---").
        [Parameter]
        [ArgumentCompleter(typeof(ModelValueCompleter))]
        public string? Mode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [NotGivenWhenEmpty]
        [ArgumentCompleter(typeof(ModelValueCompleter))]
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

        protected override void Begin()
        {
            _validator = new ArgumentValidator(ModuleSession.Catalog) { PromptOptional = !PromptRequired };
            _resolver = new ImagePathResolver(SessionState);
            _extraImages = Images?.SelectMany(_resolver.Resolve).ToList();
            _elements = Element?.Select(PSObjectUnwrapper.Unwrap).ToArray();
        }

        /// <summary>
        /// The validated jobs this pipeline input stands for (a wildcard may give several). A path
        /// that matches nothing or a job the model refuses is written as an error that names the
        /// input, and gives no job; the other inputs go on.
        /// </summary>
        protected IReadOnlyList<PreparedJob> PrepareJobs()
        {
            _inputNumber++;
            var jobs = new List<PreparedJob>();
            foreach (var (image, failure, given) in ImagesOfThisInput())
            {
                if (failure != null)
                {
                    WriteInputFailure(failure, given);
                    continue;
                }

                try
                {
                    var job = _validator!.Validate(BuildRequest(image));
                    foreach (var warning in job.Warnings)
                    {
                        WriteWarning($"{InputLabel(image)}: {UserTerms.Describe(warning)}");
                    }

                    jobs.Add(job);
                }
                catch (ShortApiException ex)
                {
                    WriteInputFailure(ex, image?.Original ?? (object)Model, image);
                }
            }

            return jobs;
        }

        /// <summary>An error for one input, its text starting with the input's name so a long batch's console says which one failed.</summary>
        protected void WriteInputFailure(ShortApiException error, object? target, ImageInput? image = null)
        {
            var record = ToErrorRecord(error, target);
            string label = target is string text && image == null ? SourceNames.Leaf(text) : InputLabel(image);
            string message = UserTerms.Describe(error);
            record.ErrorDetails = new ErrorDetails(message.Contains(label) ? message : $"{label}: {message}") { RecommendedAction = record.ErrorDetails?.RecommendedAction };
            WriteError(record);
        }

        /// <summary>How messages name an input: its image's file name or URL leaf, else its place in the pipeline.</summary>
        protected string InputLabel(ImageInput? image) =>
            image != null ? image.Name : $"input #{_inputNumber} ({Model})";

        /// <summary>The images of this pipeline input, each resolved or with the reason it could not be.</summary>
        private IEnumerable<(ImageInput? Image, ShortApiException? Failure, string? Given)> ImagesOfThisInput()
        {
            if (Image == null || Image.Length == 0)
            {
                yield return (null, null, null);
                yield break;
            }

            foreach (string value in Image)
            {
                IReadOnlyList<ImageInput> resolved;
                ShortApiException? failure = null;
                try
                {
                    resolved = _resolver!.Resolve(value);
                }
                catch (ShortApiException ex)
                {
                    resolved = Array.Empty<ImageInput>();
                    failure = ex;
                }

                if (failure != null)
                {
                    yield return (null, failure, value);
                    continue;
                }

                foreach (var image in resolved)
                {
                    yield return (image, null, value);
                }
            }
        }

        /// <summary>The request as bound: each model option under its wire name (<see cref="JobOptionMap"/>), then -Images, -Element and -Arguments.</summary>
        private JobRequest BuildRequest(ImageInput? image)
        {
            var request = new JobRequest(Model) { Prompt = Prompt, Image = image, CallbackUrl = CallbackUrl };
            var bound = MyInvocation.BoundParameters;
            foreach (var (parameter, wireName) in JobOptionMap.Options)
            {
                if (bound.TryGetValue(parameter, out var value) && value != null)
                {
                    request.Arguments[wireName] = value is SwitchParameter flag ? flag.IsPresent : PSObjectUnwrapper.Unwrap(value);
                }
            }

            if (_extraImages != null && _extraImages.Count > 0)
            {
                request.Arguments["images"] = _extraImages;
            }

            if (_elements != null && _elements.Length > 0)
            {
                request.Arguments["elements"] = _elements;
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
    }
}
