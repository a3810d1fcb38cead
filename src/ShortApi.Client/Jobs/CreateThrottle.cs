using System;
using System.Collections.Concurrent;
using ShortApi.Timing;

namespace ShortApi.Jobs
{
    /// <summary>
    /// How many creates may be in flight on an endpoint: a window shared by every batch in the
    /// process, each batch also held to its own ceiling (its -ThrottleLimit). It starts polite
    /// (<see cref="StartLimit"/>), grows by one per create that lands while a batch was held back
    /// by it (doubling each round) until the first rate limit, then by one per calm second (a rate
    /// limit is counted over seconds, so probing faster only meets it again); each 429 or 503
    /// halves it (once per burst) and stops new creates until its Retry-After has passed.
    /// </summary>
    internal sealed class CreateThrottle
    {
        /// <summary>The window a fresh endpoint starts with: the module's old fixed default.</summary>
        public const int StartLimit = 4;

        /// <summary>A batch's ceiling when the caller sets none.</summary>
        public const int DefaultCeiling = 16;

        /// <summary>The window grows only after the service has answered without a rate limit for this long.</summary>
        public static readonly TimeSpan CalmPeriod = TimeSpan.FromSeconds(1);

        /// <summary>After a rate limit, the window grows by one at most this often.</summary>
        public static readonly TimeSpan RecoveryStep = TimeSpan.FromSeconds(1);

        private static readonly ConcurrentDictionary<(string, IClock), CreateThrottle> Shared = new ConcurrentDictionary<(string, IClock), CreateThrottle>();

        private readonly object _gate = new object();
        private readonly IClock _clock;
        private double _window = StartLimit;
        private bool _neverLimited = true;
        private DateTimeOffset _lastLimited = DateTimeOffset.MinValue;
        private DateTimeOffset _lastHalving = DateTimeOffset.MinValue;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
        private DateTimeOffset _lastGrowth = DateTimeOffset.MinValue;

        public CreateThrottle(IClock clock)
        {
            _clock = clock;
        }

        /// <summary>The process-wide window for an endpoint.</summary>
        public static CreateThrottle For(Uri endpoint, IClock clock) =>
            Shared.GetOrAdd((endpoint.AbsoluteUri, clock), _ => new CreateThrottle(clock));

        /// <summary>Creates that may be in flight now (at least one).</summary>
        public int Window { get { lock (_gate) { return Math.Max(1, (int)_window); } } }

        /// <summary>True while a Retry-After holds new creates back.</summary>
        public bool IsPaused { get { lock (_gate) { return _clock.UtcNow < _pausedUntil; } } }

        /// <summary>A create landed while its batch was held back by the window: widen it, up to <paramref name="ceiling"/>.</summary>
        public void Grow(int ceiling)
        {
            lock (_gate)
            {
                var now = _clock.UtcNow;
                if (_window >= ceiling || now - _lastLimited < CalmPeriod || (!_neverLimited && now - _lastGrowth < RecoveryStep))
                {
                    return;
                }

                _window = Math.Min(ceiling, _window + 1);
                _lastGrowth = now;
            }
        }

        /// <summary>The service said 429 or 503 to a create: halve the window, and start nothing before its Retry-After has passed.</summary>
        public void SlowDown(TimeSpan? retryAfter)
        {
            lock (_gate)
            {
                var now = _clock.UtcNow;
                if (retryAfter > TimeSpan.Zero && now + retryAfter.Value > _pausedUntil)
                {
                    _pausedUntil = now + retryAfter.Value;
                }

                if (now - _lastHalving >= RequestBudget.HalvingSpacing)
                {
                    _window = Math.Max(1, _window / 2);
                    _lastHalving = now;
                }

                _lastLimited = now;
                _neverLimited = false;
            }
        }
    }
}
