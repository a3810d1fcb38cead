using System;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Timing
{
    /// <summary>
    /// Time as the client sees it. Polling cadence, backoff and timeouts all read this, so a test
    /// or benchmark can run a ten-minute job in seconds by speeding the clock up on both sides.
    /// </summary>
    public interface IClock
    {
        DateTimeOffset UtcNow { get; }

        /// <summary>Waits for <paramref name="delay"/> of this clock's time.</summary>
        Task Delay(TimeSpan delay, CancellationToken cancellationToken);

        /// <summary>How long <paramref name="duration"/> of this clock's time lasts in real time (for network timeouts).</summary>
        TimeSpan ToRealTime(TimeSpan duration);
    }
}
