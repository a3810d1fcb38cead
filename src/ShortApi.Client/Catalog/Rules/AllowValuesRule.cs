using System.Collections.Generic;
using System.Linq;
using ShortApi.Validation;

namespace ShortApi.Catalog.Rules
{
    /// <summary>Under the condition, a parameter may take only these values (kling-o1: a one-image frame is 5 or 10 s).</summary>
    public sealed class AllowValuesRule : CrossFieldRule
    {
        public AllowValuesRule(RuleCondition when, string parameter, IReadOnlyList<object> values, string message, IssueSeverity severity = IssueSeverity.Error)
            : base(when, message, severity)
        {
            Parameter = parameter;
            Values = values;
        }

        public string Parameter { get; }

        public IReadOnlyList<object> Values { get; }

        protected override IEnumerable<ValidationIssue> CheckWhenApplicable(EffectiveArguments arguments)
        {
            if (arguments.TryGetValue(Parameter, out var value) && !Values.Any(v => WireValue.AreEqual(v, value)))
            {
                yield return Issue(arguments, Parameter, WireValue.Quote(value),
                    $"is not allowed{Context} (allowed: {string.Join(", ", Values.Select(WireValue.Format))})");
            }
        }
    }
}
