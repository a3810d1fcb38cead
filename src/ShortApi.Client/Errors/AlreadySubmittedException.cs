using ShortApi.Journal;

namespace ShortApi.Errors
{
    /// <summary>The journal shows this input was already submitted (or may have been): it was not sent again.</summary>
    public sealed class AlreadySubmittedException : ShortApiException
    {
        public AlreadySubmittedException(string message, InputLookup lookup, string source)
            : base(lookup.Status == InputStatus.Submitted ? ShortApiErrorReason.AlreadySubmitted : ShortApiErrorReason.CreateOutcomeUnknown, message)
        {
            Lookup = lookup;
            Target = source;
        }

        /// <summary>What the journal knows: the existing job, or a claim whose outcome is unknown.</summary>
        public InputLookup Lookup { get; }
    }
}
