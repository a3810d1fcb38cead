using System.Collections.Generic;
using System.Linq;
using ShortApi.Validation;

namespace ShortApi.Catalog.Rules
{
    /// <summary>
    /// Under the condition, a parameter may take only the listed values (kling-o1: a one-image frame
    /// is 5 or 10 s), or must not take them (pixverse: no 10 s at 1080p), as <see cref="Allows"/> says.
    /// </summary>
    public sealed class ValueListRule : CrossFieldRule
    {
        public ValueListRule(RuleCondition when, string parameter, IReadOnlyList<object> values, bool allows, string message, IssueSeverity severity = IssueSeverity.Error)
            : base(when, message, severity)
        {
            Parameter = parameter;
            Values = values;
            Allows = allows;
        }

        public string Parameter { get; }

        public IReadOnlyList<object> Values { get; }

        /// <summary>True: only the values are allowed. False: the values are forbidden.</summary>
        public bool Allows { get; }

        protected override IEnumerable<ValidationIssue> CheckWhenApplicable(EffectiveArguments arguments)
        {
            if (arguments.TryGetValue(Parameter, out var value) && Values.Any(v => WireValue.AreEqual(v, value)) != Allows)
            {
                string allowed = Allows ? $" (allowed: {string.Join(", ", Values.Select(WireValue.Format))})" : string.Empty;
                yield return Issue(arguments, Parameter, WireValue.Quote(value), $"is not allowed{Context}{allowed}");
            }
        }
    }
}
