using System;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Timing
{
    /// <summary>The real clock.</summary>
    public sealed class SystemClock : IClock
    {
        public static readonly SystemClock Instance = new SystemClock();

        private SystemClock()
        {
        }

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);

        public TimeSpan ToRealTime(TimeSpan duration) => duration;
    }
}
