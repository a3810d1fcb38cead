using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Timing;

namespace ShortApi.TestSupport
{
    /// <summary>
    /// Real time for "now", but every non-zero Delay is recorded and shortened to a few milliseconds, so a
    /// test can check that a 3-second Retry-After was honoured without waiting 3 seconds.
    /// </summary>
    public sealed class RecordingClock : IClock
    {
        private readonly ConcurrentQueue<TimeSpan> _delays = new ConcurrentQueue<TimeSpan>();

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public IReadOnlyList<TimeSpan> Delays => _delays.ToList();

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero)
            {
                _delays.Enqueue(delay);
            }

            return Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5, Math.Max(0, delay.TotalMilliseconds))), cancellationToken);
        }

        public TimeSpan ToRealTime(TimeSpan duration) => duration;
    }
}
