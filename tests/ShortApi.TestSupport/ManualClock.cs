using System;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Timing;

namespace ShortApi.TestSupport
{
    /// <summary>A clock that moves only when the test says so; delays complete at once.</summary>
    public sealed class ManualClock : IClock
    {
        private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

        public DateTimeOffset UtcNow => new DateTimeOffset(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.CompletedTask;

        public TimeSpan ToRealTime(TimeSpan duration) => duration;
    }
}
