using System.Collections.Generic;
using ShortApi.Validation;

namespace ShortApi.Catalog.Rules
{
    /// <summary>
    /// A parameter may be given only when a condition holds (kling-o1: aspect_ratio only for refer).
    /// Unlike the other rules the condition is the permission, not the trigger: the parameter is
    /// checked whenever it is given, and refused when the condition does not hold.
    /// </summary>
    public sealed class OnlyWhenRule : CrossFieldRule
    {
        public OnlyWhenRule(RuleCondition onlyWhen, string parameter, string message, IssueSeverity severity = IssueSeverity.Error)
            : base(RuleCondition.Always, message, severity)
        {
            OnlyWhen = onlyWhen;
            Parameter = parameter;
        }

        public RuleCondition OnlyWhen { get; }

        public string Parameter { get; }

        protected override IEnumerable<ValidationIssue> CheckWhenApplicable(EffectiveArguments arguments)
        {
            if (arguments.IsGiven(Parameter) && !OnlyWhen.Matches(arguments))
            {
                arguments.TryGetValue(Parameter, out var value);
                yield return Issue(arguments, Parameter, WireValue.Quote(value), "is used only with " + OnlyWhen.Describe());
            }
        }
    }
}
