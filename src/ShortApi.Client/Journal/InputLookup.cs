using System;

namespace ShortApi.Journal
{
    /// <summary>The journal's answer to "was this input already submitted?".</summary>
    public sealed class InputLookup
    {
        public static readonly InputLookup Free = new InputLookup(InputStatus.NotSubmitted, null, null, null, null);

        public InputLookup(InputStatus status, VideoJob? job, DateTimeOffset? at, string? claimant, string? error, bool bodySent = false, bool claimedByCaller = false, InputLookup? previous = null)
        {
            Previous = previous;
            Status = status;
            Job = job;
            At = at;
            Claimant = claimant;
            Error = error;
            BodySent = bodySent;
            ClaimedByCaller = claimedByCaller;
        }

        public InputStatus Status { get; }

        /// <summary>For a claim made with force: what the input was before it, restored if that create is refused.</summary>
        public InputLookup? Previous { get; }

        /// <summary>The job created for the input, when <see cref="Status"/> is Submitted.</summary>
        public VideoJob? Job { get; }

        /// <summary>When the input was last claimed, created or marked unknown.</summary>
        public DateTimeOffset? At { get; }

        /// <summary>For Pending: which host and process claimed it.</summary>
        public string? Claimant { get; }

        /// <summary>For OutcomeUnknown: what went wrong.</summary>
        public string? Error { get; }

        /// <summary>For Pending: the create's body went out in full, so the service may have the job.</summary>
        public bool BodySent { get; }

        public bool IsFree => Status == InputStatus.NotSubmitted;

        /// <summary>
        /// True only on the answer to the claim that won: that caller now holds the claim and must
        /// send the create. What the journal remembers of the input never carries it.
        /// </summary>
        public bool ClaimedByCaller { get; }
    }
}
