using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Pricing;

namespace ShortApi.Validation
{
    /// <summary>
    /// Checks a job against its model's page before anything is sent: every parameter known and of
    /// the right type and value, required ones present, the page's cross-field rules kept, local
    /// images readable and within the model's limits. All problems are reported at once, each
    /// naming the model, the parameter, the value and what is allowed.
    /// </summary>
    public sealed class ArgumentValidator
    {
        private const string PromptName = "prompt";

        private readonly ModelCatalog _catalog;

        public ArgumentValidator(ModelCatalog catalog)
        {
            _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        }

        public ModelCatalog Catalog => _catalog;

        /// <summary>
        /// Lets a job leave its prompt out. No price depends on the prompt, so an estimate needs
        /// none; a prompt that is given is checked as usual.
        /// </summary>
        public bool PromptOptional { get; init; }

        /// <summary>The job ready to send; throws <see cref="ArgumentValidationException"/> listing every error otherwise.</summary>
        public PreparedJob Validate(JobRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var model = _catalog.Resolve(request.Model);
            var issues = new List<ValidationIssue>();
            var given = Gather(request, model, issues);
            CheckCallbackUrl(model, request.CallbackUrl, issues);
            CheckEncodable(model, "prompt", request.Prompt, issues);

            PreparedJob prepared = model.Definition == null
                ? PreparePassThrough(request, model, given, issues)
                : PrepareCataloged(request, model, model.Definition, given, issues);

            if (issues.Any(i => i.Severity == IssueSeverity.Error))
            {
                throw new ArgumentValidationException(issues, request.Source.Length > 0 ? request.Source : (object)request.Model);
            }

            return prepared;
        }

        /// <summary>
        /// The documented price of <paramref name="model"/> with these arguments (wire names; the
        /// page's defaults fill the rest). Prompt and image are not needed. Throws for a value or
        /// combination the model does not accept, since it has no price.
        /// </summary>
        public CostEstimate EstimateCost(string model, IEnumerable<KeyValuePair<string, object?>> arguments)
        {
            var reference = _catalog.Resolve(model);
            if (reference.Definition == null)
            {
                return CostEstimate.Unknown("USD", $"{reference.Id} is not in the catalog, so its price is not known");
            }

            var definition = reference.Definition;
            var issues = new List<ValidationIssue>();
            var normalizer = new ValueNormalizer(definition.DisplayName, issues);
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in arguments ?? Array.Empty<KeyValuePair<string, object?>>())
            {
                if (pair.Value == null)
                {
                    continue;
                }

                var parameter = definition.FindParameter(pair.Key);
                if (parameter == null)
                {
                    issues.Add(new ValidationIssue(definition.DisplayName, pair.Key, WireValue.Quote(pair.Value), "is not a parameter of this model",
                        allowed: "the parameters " + string.Join(", ", definition.Parameters.Select(p => p.Name))));
                    continue;
                }

                var normalized = normalizer.Normalize(parameter, pair.Value, parameter.Name);
                if (normalized != null)
                {
                    values[parameter.Name] = normalized;
                }
            }

            var effective = new EffectiveArguments(definition, values);
            foreach (var rule in definition.Rules)
            {
                issues.AddRange(rule.Check(effective));
            }

            if (issues.Any(i => i.Severity == IssueSeverity.Error))
            {
                throw new ArgumentValidationException(issues, model);
            }

            return CostEstimator.Estimate(effective);
        }

        /// <summary>Prompt, image, typed arguments and extra arguments in one list, remembering where each came from.</summary>
        private static List<GivenArgument> Gather(JobRequest request, ModelReference model, List<ValidationIssue> issues)
        {
            var given = new List<GivenArgument>();
            if (request.Prompt != null)
            {
                given.Add(new GivenArgument(PromptName, request.Prompt, extra: false));
            }

            foreach (var pair in request.Arguments.Where(p => p.Value != null))
            {
                given.Add(new GivenArgument(pair.Key, pair.Value, extra: false));
            }

            if (request.Image != null)
            {
                var imageParameter = model.Definition?.ImageParameter;
                string name = imageParameter?.Name ?? "image";
                var existing = given.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
                if (imageParameter != null && imageParameter.Type == ParameterType.List)
                {
                    // kling-o1 takes a list: the job's image comes first, any further images follow.
                    var list = new List<object?> { request.Image };
                    if (existing != null)
                    {
                        given.Remove(existing);
                        list.AddRange(AsList(existing.Value));
                    }

                    given.Add(new GivenArgument(name, list, extra: false));
                }
                else if (existing != null)
                {
                    issues.Add(new ValidationIssue(model.DisplayName, name, null, "is given twice: as the job's image and as an argument; give it once"));
                }
                else
                {
                    given.Add(new GivenArgument(name, request.Image, extra: false));
                }
            }

            foreach (var pair in request.ExtraArguments.Where(p => p.Value != null))
            {
                if (given.Any(g => string.Equals(g.Name, pair.Key, StringComparison.OrdinalIgnoreCase)))
                {
                    issues.Add(new ValidationIssue(model.DisplayName, pair.Key, null, "is given twice: as a parameter and in the extra arguments; give it once"));
                    continue;
                }

                given.Add(new GivenArgument(pair.Key, pair.Value, extra: true));
            }

            return given;
        }

        private PreparedJob PrepareCataloged(JobRequest request, ModelReference reference, ModelDefinition model, List<GivenArgument> given, List<ValidationIssue> issues)
        {
            var normalizer = new ValueNormalizer(model.DisplayName, issues);
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var undocumented = new List<KeyValuePair<string, object?>>();

            foreach (var argument in given)
            {
                var parameter = model.FindParameter(argument.Name);
                if (parameter == null)
                {
                    if (argument.Extra)
                    {
                        issues.Add(new ValidationIssue(model.DisplayName, argument.Name, null,
                            "is not documented for this model; it is sent as given", severity: IssueSeverity.Warning));
                        var value = PassThroughValue(argument.Value);
                        ImageChecker.CheckUntyped(model.DisplayName, value, argument.Name, _catalog.ImageLimits, issues);
                        undocumented.Add(new KeyValuePair<string, object?>(argument.Name, value));
                    }
                    else
                    {
                        issues.Add(new ValidationIssue(model.DisplayName, argument.Name, WireValue.Quote(argument.Value),
                            "is not a parameter of this model", allowed: "the parameters " + string.Join(", ", model.Parameters.Select(p => p.Name))));
                    }

                    continue;
                }

                var normalized = normalizer.Normalize(parameter, argument.Value, parameter.Name);
                if (normalized != null)
                {
                    values[parameter.Name] = normalized;
                }
            }

            foreach (var parameter in model.Parameters.Where(p => p.Required && !values.ContainsKey(p.Name) && !IsOptionalPrompt(p)))
            {
                if (parameter.HasDefault)
                {
                    // Required with a documented default (kling-o1 mode and action): send the default.
                    values[parameter.Name] = parameter.Default;
                }
                else if (!issues.Any(i => i.Parameter.StartsWith(parameter.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    issues.Add(new ValidationIssue(model.DisplayName, parameter.Name, null, "is required", allowed: parameter.DescribeAllowed()));
                }
            }

            var effective = new EffectiveArguments(model, values);
            foreach (var rule in model.Rules)
            {
                issues.AddRange(rule.Check(effective));
            }

            CheckTextLengths(model, values, issues);
            CheckLocalImages(model, values, issues);

            var ordered = model.Parameters
                .Where(p => values.ContainsKey(p.Name))
                .Select(p => new KeyValuePair<string, object?>(p.Name, values[p.Name]))
                .Concat(undocumented)
                .ToList();

            return new PreparedJob(request, reference, ordered, issues.Where(i => i.Severity == IssueSeverity.Warning).ToList(), CostEstimator.Estimate(effective));
        }

        private bool IsOptionalPrompt(ParameterDefinition parameter) =>
            PromptOptional && string.Equals(parameter.Name, PromptName, StringComparison.OrdinalIgnoreCase);

        private PreparedJob PreparePassThrough(JobRequest request, ModelReference model, List<GivenArgument> given, List<ValidationIssue> issues)
        {
            var arguments = given.Select(g => new KeyValuePair<string, object?>(g.Name, PassThroughValue(g.Value))).ToList();
            foreach (var argument in arguments)
            {
                ImageChecker.CheckUntyped(model.DisplayName, argument.Value, argument.Key, _catalog.ImageLimits, issues);
            }

            var estimate = CostEstimate.Unknown("USD", $"{model.Id} is not in the catalog, so its price is not known");
            return new PreparedJob(request, model, arguments, Array.Empty<ValidationIssue>(), estimate);
        }

        /// <summary>A value for a parameter the catalog does not describe: plain data as is, images and lists kept as they are.</summary>
        private static object? PassThroughValue(object? value)
        {
            switch (value)
            {
                case null:
                case string _:
                case ImageInput _:
                    return value;
                case Uri uri:
                    return uri.OriginalString;
                case IDictionary _:
                    return ValueNormalizer.AsDictionary(value)!.ToDictionary(p => p.Key, p => PassThroughValue(p.Value), StringComparer.Ordinal);
                case IEnumerable items:
                    return items.Cast<object?>().Select(PassThroughValue).ToList();
                default:
                    return value;
            }
        }

        /// <summary>The service calls the callback back over the web: only an absolute http(s) URL can be one.</summary>
        private static void CheckCallbackUrl(ModelReference model, string? callbackUrl, List<ValidationIssue> issues)
        {
            if (callbackUrl != null && !ImageInput.TryParseUrl(callbackUrl, out _))
            {
                issues.Add(new ValidationIssue(model.DisplayName, "callback_url", "'" + callbackUrl + "'", "is not an absolute http(s) URL", allowed: "a URL such as https://example.com/shortapi-callback"));
            }
        }

        /// <summary>Text with a broken character (half of a UTF-16 surrogate pair) cannot be sent as JSON without being mangled.</summary>
        private static void CheckEncodable(ModelReference model, string parameter, string? text, List<ValidationIssue> issues)
        {
            int broken = TextEncoding.FindBrokenCharacter(text);
            if (broken >= 0)
            {
                issues.Add(new ValidationIssue(model.DisplayName, parameter, null,
                    $"holds a broken character at position {broken + 1} (half of a surrogate pair, as a copy cut in the middle of an emoji leaves)", allowed: "text without broken characters; retype or remove the character there"));
            }
        }

        private static void CheckTextLengths(ModelDefinition model, Dictionary<string, object?> values, List<ValidationIssue> issues)
        {
            foreach (var parameter in model.Parameters.Where(p => p.Length != null))
            {
                if (values.TryGetValue(parameter.Name, out var value) && value is string text)
                {
                    var limit = parameter.Length!;
                    int units = limit.Measure(text);
                    if (units > limit.Max)
                    {
                        string problem = limit.ChineseCharacterWeight > 1
                            ? $"is {units} characters long counting each Chinese character as {limit.ChineseCharacterWeight}; the limit is {limit.Max}"
                            : $"is {units} characters long; the limit is {limit.Max}";
                        if (limit.Message != null)
                        {
                            problem += ". " + limit.Message;
                        }

                        issues.Add(new ValidationIssue(model.DisplayName, parameter.Name, null, problem, severity: limit.Severity));
                    }
                }
            }
        }

        private void CheckLocalImages(ModelDefinition model, Dictionary<string, object?> values, List<ValidationIssue> issues)
        {
            foreach (var parameter in model.Parameters)
            {
                if (values.TryGetValue(parameter.Name, out var value))
                {
                    ImageChecker.CheckAll(model.DisplayName, parameter, value, parameter.Name, _catalog.ImageLimits, issues);
                }
            }
        }

        private static IEnumerable<object?> AsList(object? value) =>
            value is IEnumerable items && !(value is string) ? items.Cast<object?>() : new[] { value };

        private sealed class GivenArgument
        {
            public GivenArgument(string name, object? value, bool extra)
            {
                Name = name;
                Value = value;
                Extra = extra;
            }

            public string Name { get; }

            public object? Value { get; }

            /// <summary>True when it came from the extra arguments, where undocumented names are allowed.</summary>
            public bool Extra { get; }
        }
    }
}
