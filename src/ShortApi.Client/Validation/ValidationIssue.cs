using ShortApi.Errors;

namespace ShortApi.Validation
{
    /// <summary>One thing wrong (or worth a warning) with a job's arguments, in terms a user can act on.</summary>
    public sealed class ValidationIssue
    {
        public ValidationIssue(
            string model,
            string parameter,
            string? value,
            string problem,
            string? allowed = null,
            IssueSeverity severity = IssueSeverity.Error,
            ShortApiErrorReason reason = ShortApiErrorReason.InvalidArgument)
        {
            Model = model;
            Parameter = parameter;
            Value = value;
            Problem = problem;
            Allowed = allowed;
            Severity = severity;
            Reason = reason;
        }

        /// <summary>The model's short name (or id when it has none).</summary>
        public string Model { get; }

        /// <summary>The wire name, with a path for nested values (<c>elements[0].frontal_image_url</c>).</summary>
        public string Parameter { get; }

        /// <summary>The value given, as text; null when the problem is a missing value.</summary>
        public string? Value { get; }

        public string Problem { get; }

        /// <summary>What would be accepted, as a person reads it.</summary>
        public string? Allowed { get; }

        public IssueSeverity Severity { get; }

        public ShortApiErrorReason Reason { get; }

        /// <summary>"vidu-q3: duration '20' is out of range. Allowed: 1 to 16."</summary>
        public string Message
        {
            get
            {
                string subject = Value == null ? Parameter : $"{Parameter} {Value}";
                string text = $"{Model}: {subject}: {Problem}";
                if (!text.EndsWith(".", System.StringComparison.Ordinal))
                {
                    text += ".";
                }

                return Allowed == null ? text : $"{text} Allowed: {Allowed}.";
            }
        }

        public override string ToString() => Message;
    }
}
