using ShortApi.Jobs;
using ShortApi.Journal;

namespace ShortApi.Errors
{
    /// <summary>The journal shows this input was already submitted (or may have been): it was not sent again.</summary>
    public sealed class AlreadySubmittedException : ShortApiException
    {
        public AlreadySubmittedException(string message, InputLookup lookup, string source)
            : base(lookup.Status == InputStatus.Submitted || lookup.Status == InputStatus.InProgress ? ShortApiErrorReason.AlreadySubmitted : ShortApiErrorReason.CreateOutcomeUnknown, message)
        {
            Lookup = lookup;
            Target = source;
        }

        /// <summary>What the journal knows: the existing job, or a claim whose outcome is unknown.</summary>
        public InputLookup Lookup { get; }

        /// <summary>The error for submitting <paramref name="job"/> when the journal says <paramref name="lookup"/>.</summary>
        public static AlreadySubmittedException For(PreparedJob job, InputLookup lookup)
        {
            string source = job.DisplaySource;
            string message;
            switch (lookup.Status)
            {
                case InputStatus.Submitted:
                    message = $"'{source}' was already submitted as job {lookup.Job!.JobId} ({lookup.Job.Status}); it was not sent again.";
                    break;
                case InputStatus.OutcomeUnknown:
                    message = $"'{source}' was sent at {lookup.At:u} but its outcome is unknown ({lookup.Error}). It may have been created and charged, so it was not sent again. Check your ShortAPI job list; to submit it anyway, force it (-Force in PowerShell).";
                    break;
                case InputStatus.InProgress:
                    message = $"'{source}' is being submitted by another run right now ({lookup.Claimant}, since {lookup.At:u}); it was skipped here.";
                    break;
                default:
                    message = $"'{source}' was claimed for submission at {lookup.At:u} by {lookup.Claimant}, a run that ended after its request went out in full and before an answer was recorded. It may have been created and charged, so it was not sent again; check your ShortAPI job list, and force it (-Force in PowerShell) to submit it anyway.";
                    break;
            }

            return new AlreadySubmittedException(message, lookup, source);
        }
    }
}
