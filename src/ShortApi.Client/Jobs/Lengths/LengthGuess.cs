using System;

namespace ShortApi.Jobs.Lengths
{
    /// <summary>
    /// What is known of one kind of job's length: <paramref name="Aim"/>, the age at which to ask
    /// about such a job first (null when nothing is known), and whether it was learned from jobs
    /// that finished (this session or a journal) rather than only taken from the catalog's prior.
    /// </summary>
    internal readonly record struct LengthGuess(TimeSpan? Aim, bool IsLearned)
    {
        public static LengthGuess Nothing => default;

        /// <summary>The gap between queries once a job is past <see cref="Aim"/>.</summary>
        public TimeSpan Gap => LengthEstimate.Gap(Aim ?? TimeSpan.Zero);
    }
}
