using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Timing;

namespace ShortApi.TestSupport
{
    /// <summary>
    /// A clock that runs <see cref="Factor"/> times faster than real time, from a fixed start.
    /// The emulator and the client share one, so simulated ten-minute jobs keep their proportions.
    /// </summary>
    public sealed class ScaledClock : IClock
    {
        private readonly DateTimeOffset _start;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();

        public ScaledClock(double factor)
            : this(factor, DateTimeOffset.UtcNow)
        {
        }

        public ScaledClock(double factor, DateTimeOffset start)
        {
            if (factor <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(factor), "The speed-up must be positive.");
            }

            Factor = factor;
            _start = start;
        }

        public double Factor { get; }

        public DateTimeOffset UtcNow => _start + TimeSpan.FromTicks((long)(_elapsed.Elapsed.Ticks * Factor));

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(ToRealTime(delay), cancellationToken);

        public TimeSpan ToRealTime(TimeSpan duration) => TimeSpan.FromTicks(Math.Max(1, (long)(duration.Ticks / Factor)));
    }
}
