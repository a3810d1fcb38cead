using System;
using ShortApi.Timing;

namespace ShortApi.Emulator.Faults
{
    /// <summary>
    /// A server's own rate limit on one route: a token bucket holding one second's worth. A request
    /// with no token left is refused, with how long until the next token (as Retry-After).
    /// </summary>
    internal sealed class RateLimiter
    {
        private readonly object _gate = new object();
        private readonly IClock _clock;
        private readonly double _perSecond;
        private double _tokens;
        private DateTimeOffset _refilledAt;

        public RateLimiter(double perSecond, IClock clock)
        {
            _perSecond = perSecond;
            _clock = clock;
            _tokens = perSecond;
            _refilledAt = clock.UtcNow;
        }

        /// <summary>True when the request may go on; else false and the wait until it could.</summary>
        public bool TryTake(out TimeSpan retryAfter)
        {
            lock (_gate)
            {
                var now = _clock.UtcNow;
                _tokens = Math.Min(_perSecond, _tokens + (now - _refilledAt).TotalSeconds * _perSecond);
                _refilledAt = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }

                retryAfter = TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
                return false;
            }
        }
    }
}
