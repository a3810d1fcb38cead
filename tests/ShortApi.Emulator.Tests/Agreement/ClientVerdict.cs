using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Catalog;
using ShortApi.Catalog.Rules;
using ShortApi.Transport;
using ShortApi.Validation;

namespace ShortApi.Emulator.Tests.Agreement
{
    /// <summary>
    /// What the client makes of a case: the exact body it would send, or the errors it refuses
    /// with, sorted into errors about a single value and errors from the catalog's cross-field rules.
    /// </summary>
    internal sealed class ClientVerdict
    {
        private ClientVerdict(string? sentBody, IReadOnlyList<ValidationIssue> errors, IReadOnlyList<CrossFieldRule> rules)
        {
            SentBody = sentBody;
            RuleErrors = errors.Where(e => rules.Any(r => FromRule(e, r))).ToList();
            ValueErrors = errors.Except(RuleErrors).ToList();
            OnlyFrameImagesGuard = RuleErrors.Count > 0 && ValueErrors.Count == 0 && RuleErrors.All(e => rules.Any(r => IsFrameImagesGuard(r) && FromRule(e, r)));
        }

        /// <summary>The body the client sends; null when it refuses.</summary>
        public string? SentBody { get; }

        public bool Accepted => SentBody != null;

        /// <summary>Errors about one value on its own: type, option, range, a required value missing.</summary>
        public IReadOnlyList<ValidationIssue> ValueErrors { get; }

        /// <summary>Errors from the catalog's cross-field rules.</summary>
        public IReadOnlyList<ValidationIssue> RuleErrors { get; }

        /// <summary>
        /// True when the one thing wrong is more than two images for kling-o1's frame: a guard of
        /// the client's own, since the page says extra frames are ignored, not refused.
        /// </summary>
        public bool OnlyFrameImagesGuard { get; }

        public string Errors => string.Join(" | ", ValueErrors.Concat(RuleErrors).Select(e => e.Message));

        public static async Task<ClientVerdict> JudgeAsync(ArgumentValidator client, ArgumentCase @case)
        {
            var rules = client.Catalog.Resolve(@case.Model).Definition!.Rules;
            try
            {
                var job = client.Validate(@case.ToJobRequest());
                using var content = new CreateRequestContent(job.Model.Id, job.WireArguments, callbackUrl: null);
                return new ClientVerdict(await content.ReadAsStringAsync(), Array.Empty<ValidationIssue>(), rules);
            }
            catch (ArgumentValidationException refused)
            {
                return new ClientVerdict(null, refused.Issues.Where(i => i.Severity == IssueSeverity.Error).ToList(), rules);
            }
        }

        private static bool FromRule(ValidationIssue issue, CrossFieldRule rule) => issue.Problem.EndsWith(": " + rule.Message, StringComparison.Ordinal);

        private static bool IsFrameImagesGuard(CrossFieldRule rule) => rule is MaxItemsRule max && max.Parameter == "images";
    }
}
