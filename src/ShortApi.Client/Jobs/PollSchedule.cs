using System;

namespace ShortApi.Jobs
{
    /// <summary>
    /// How often to ask about a job. By default the gap grows with the job's age (a fifth of it,
    /// between 0.75 s and 2 min), so a job's end is noticed within max(1 s, a quarter of its run
    /// time) while a ten-minute job costs about thirty queries. A fixed interval replaces that.
    /// </summary>
    public sealed class PollSchedule
    {
        public static readonly PollSchedule Default = new PollSchedule();

        public PollSchedule(TimeSpan? fixedInterval = null)
        {
            if (fixedInterval.HasValue && fixedInterval.Value <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(fixedInterval), "The poll interval must be positive.");
            }

            FixedInterval = fixedInterval;
        }

        public TimeSpan? FixedInterval { get; }

        public TimeSpan MinInterval { get; } = TimeSpan.FromMilliseconds(750);

        public TimeSpan MaxInterval { get; } = TimeSpan.FromMinutes(2);

        /// <summary>The share of the job's age to wait before the next query.</summary>
        public double AgeFraction { get; } = 0.2;

        /// <summary>The wait before the next query of a job that has been running for <paramref name="age"/>.</summary>
        public TimeSpan NextDelay(TimeSpan age)
        {
            if (FixedInterval.HasValue)
            {
                return FixedInterval.Value;
            }

            var proportional = TimeSpan.FromTicks((long)(Math.Max(0, age.Ticks) * AgeFraction));
            return proportional < MinInterval ? MinInterval : proportional > MaxInterval ? MaxInterval : proportional;
        }
    }
}
