using System.Collections.Generic;
using System.Globalization;
using ShortApi.Validation;

namespace ShortApi.Catalog.Rules
{
    /// <summary>Under the condition, a list holds at most so many items (kling-o1 frame: two images).</summary>
    public sealed class MaxItemsRule : CrossFieldRule
    {
        public MaxItemsRule(RuleCondition when, string parameter, int max, string message, IssueSeverity severity = IssueSeverity.Error)
            : base(when, message, severity)
        {
            Parameter = parameter;
            Max = max;
        }

        public string Parameter { get; }

        public int Max { get; }

        protected override IEnumerable<ValidationIssue> CheckWhenApplicable(EffectiveArguments arguments)
        {
            int count = arguments.CountOf(Parameter);
            if (count > Max)
            {
                yield return Issue(arguments, Parameter, null,
                    string.Format(CultureInfo.InvariantCulture, "{0} items given, at most {1}{2}", count, Max, Context));
            }
        }
    }
}
