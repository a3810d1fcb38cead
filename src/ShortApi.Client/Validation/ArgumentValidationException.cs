using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Errors;

namespace ShortApi.Validation
{
    /// <summary>A job's arguments break the model's rules; nothing was sent. Lists every problem found, not only the first.</summary>
    public sealed class ArgumentValidationException : ShortApiException
    {
        public ArgumentValidationException(IReadOnlyList<ValidationIssue> issues, object? target)
            : base(ReasonOf(issues), MessageOf(issues))
        {
            Issues = issues;
            Target = target;
        }

        public IReadOnlyList<ValidationIssue> Issues { get; }

        private static ShortApiErrorReason ReasonOf(IReadOnlyList<ValidationIssue> issues)
        {
            // A missing file is the most specific thing to report, then an unusable one.
            var errors = issues.Where(i => i.Severity == IssueSeverity.Error).ToList();
            if (errors.Any(i => i.Reason == ShortApiErrorReason.ImageNotFound))
            {
                return ShortApiErrorReason.ImageNotFound;
            }

            return errors.Any(i => i.Reason == ShortApiErrorReason.ImageRejected)
                ? ShortApiErrorReason.ImageRejected
                : ShortApiErrorReason.InvalidArgument;
        }

        private static string MessageOf(IReadOnlyList<ValidationIssue> issues)
        {
            var errors = issues.Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Message).ToList();
            return errors.Count == 1 ? errors[0] : string.Join(Environment.NewLine, errors);
        }
    }
}
