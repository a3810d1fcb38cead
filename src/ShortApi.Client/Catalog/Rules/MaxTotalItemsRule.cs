using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ShortApi.Validation;

namespace ShortApi.Catalog.Rules
{
    /// <summary>Several lists together hold at most so many items (kling-o1: images + elements at most 7).</summary>
    public sealed class MaxTotalItemsRule : CrossFieldRule
    {
        public MaxTotalItemsRule(RuleCondition when, IReadOnlyList<string> parameters, int max, string message, IssueSeverity severity = IssueSeverity.Error)
            : base(when, message, severity)
        {
            Parameters = parameters;
            Max = max;
        }

        public IReadOnlyList<string> Parameters { get; }

        public int Max { get; }

        protected override IEnumerable<ValidationIssue> CheckWhenApplicable(EffectiveArguments arguments)
        {
            var counts = Parameters.Select(p => (Name: p, Count: arguments.CountOf(p))).ToList();
            int total = counts.Sum(c => c.Count);
            if (total > Max)
            {
                string detail = string.Join(" + ", counts.Select(c => string.Format(CultureInfo.InvariantCulture, "{0} {1}", c.Count, c.Name)));
                yield return Issue(arguments, string.Join("+", Parameters), null,
                    string.Format(CultureInfo.InvariantCulture, "{0} = {1} items given, at most {2}", detail, total, Max));
            }
        }
    }
}
