using System;

namespace ShortApi.Jobs.Lengths
{
    /// <summary>
    /// What one finished job says about its length, in ages (time since it was submitted): it was
    /// still running when a query went out at <paramref name="LastSeenRunning"/> (null when never
    /// seen running), and an answer received at <paramref name="SeenEnded"/> said it had ended, so
    /// its length lies between the two. <paramref name="RunningAtAim"/> says whether it was still
    /// running when first asked at the estimated length (null when it was never asked there).
    /// <paramref name="At"/> is when the end was seen.
    /// </summary>
    internal sealed record LengthObservation(TimeSpan? LastSeenRunning, TimeSpan SeenEnded, bool? RunningAtAim, DateTimeOffset At)
    {
        /// <summary>True when the two ages are close, so the length is well measured and not only bounded.</summary>
        public bool IsNarrow =>
            LastSeenRunning.HasValue && SeenEnded - LastSeenRunning.Value <= LengthEstimate.NarrowWidth(SeenEnded);

        /// <summary>The middle of the interval; only meaningful when <see cref="IsNarrow"/>.</summary>
        public TimeSpan Middle => LastSeenRunning.HasValue ? LastSeenRunning.Value + TimeSpan.FromTicks((SeenEnded - LastSeenRunning.Value).Ticks / 2) : SeenEnded;
    }
}
