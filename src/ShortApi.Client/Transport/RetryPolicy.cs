using System;

namespace ShortApi.Transport
{
    /// <summary>
    /// How often and how patiently to retry a transient failure: exponential backoff with jitter,
    /// so many clients that failed together do not retry together, and Retry-After when the
    /// server gives one. Which failures are retried at all is <see cref="Failures.FailurePolicy"/>'s call.
    /// </summary>
    public sealed class RetryPolicy
    {
        /// <summary>Tries in all, the first included.</summary>
        public int MaxAttempts { get; set; } = 6;

        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The longest Retry-After honoured; a longer one fails the call instead of stalling it.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

        /// <summary>
        /// The wait before try number <paramref name="attempt"/> + 1 (attempt counts from 1): the
        /// server's Retry-After plus a little jitter, else half of the exponential step plus a random half.
        /// </summary>
        public TimeSpan DelayBefore(int attempt, TimeSpan? retryAfter, Random random)
        {
            double jitter;
            lock (random)
            {
                jitter = random.NextDouble();
            }

            if (retryAfter.HasValue && retryAfter.Value > TimeSpan.Zero)
            {
                return retryAfter.Value + TimeSpan.FromMilliseconds(jitter * Math.Min(1000, retryAfter.Value.TotalMilliseconds * 0.1));
            }

            double step = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
            double capped = Math.Min(MaxDelay.TotalMilliseconds, step);
            return TimeSpan.FromMilliseconds(capped / 2 + jitter * capped / 2);
        }
    }
}
