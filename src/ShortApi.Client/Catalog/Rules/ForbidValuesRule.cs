using System.Collections.Generic;
using System.Linq;
using ShortApi.Validation;

namespace ShortApi.Catalog.Rules
{
    /// <summary>Under the condition, a parameter must not take these values (pixverse: no 10 s at 1080p).</summary>
    public sealed class ForbidValuesRule : CrossFieldRule
    {
        public ForbidValuesRule(RuleCondition when, string parameter, IReadOnlyList<object> values, string message, IssueSeverity severity = IssueSeverity.Error)
            : base(when, message, severity)
        {
            Parameter = parameter;
            Values = values;
        }

        public string Parameter { get; }

        public IReadOnlyList<object> Values { get; }

        protected override IEnumerable<ValidationIssue> CheckWhenApplicable(EffectiveArguments arguments)
        {
            if (arguments.TryGetValue(Parameter, out var value) && Values.Any(v => WireValue.AreEqual(v, value)))
            {
                yield return Issue(arguments, Parameter, WireValue.Quote(value), "is not allowed" + Context);
            }
        }
    }
}
