using System;
using System.Collections.Generic;
using ShortApi.Validation;

namespace ShortApi.Catalog.Rules
{
    /// <summary>
    /// A rule a model page states across several arguments ("1080p is not offered for 10 s").
    /// Each kind of rule is one small subclass; which rules a model has is catalog data.
    /// </summary>
    public abstract class CrossFieldRule
    {
        protected CrossFieldRule(RuleCondition when, string message, IssueSeverity severity)
        {
            When = when ?? RuleCondition.Always;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Severity = severity;
        }

        /// <summary>The rule is checked only when this holds.</summary>
        public RuleCondition When { get; }

        /// <summary>The page's reason, in words a user can act on.</summary>
        public string Message { get; }

        public IssueSeverity Severity { get; }

        /// <summary>What is wrong with these arguments under this rule; nothing when they comply.</summary>
        public IEnumerable<ValidationIssue> Check(EffectiveArguments arguments)
        {
            return When.Matches(arguments) ? CheckWhenApplicable(arguments) : Array.Empty<ValidationIssue>();
        }

        protected abstract IEnumerable<ValidationIssue> CheckWhenApplicable(EffectiveArguments arguments);

        protected ValidationIssue Issue(EffectiveArguments arguments, string parameter, string? value, string problem) =>
            new ValidationIssue(arguments.Model.DisplayName, parameter, value, problem + ": " + Message, allowed: null, severity: Severity);

        protected string Context => When.IsAlways ? string.Empty : " with " + When.Describe();
    }
}
