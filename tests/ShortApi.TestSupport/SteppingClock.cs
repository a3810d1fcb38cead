using System;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Timing;

namespace ShortApi.TestSupport
{
    /// <summary>
    /// Virtual time that moves only by the delays waited on it: each Delay advances the clock by
    /// its length and completes at once. A loop of waits on one thread then runs through minutes of
    /// virtual time in milliseconds, and every wait is exactly as long as the code asked for.
    /// </summary>
    public sealed class SteppingClock : IClock
    {
        private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

        public DateTimeOffset UtcNow => new DateTimeOffset(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (delay > TimeSpan.Zero)
            {
                Advance(delay);
            }

            return Task.CompletedTask;
        }

        public TimeSpan ToRealTime(TimeSpan duration) => duration;
    }
}
