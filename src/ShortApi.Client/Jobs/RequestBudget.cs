using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Timing;

namespace ShortApi.Jobs
{
    /// <summary>
    /// A ceiling on status queries per second, shared by everything in the process that polls the
    /// same endpoint (every job, every wait, every runspace), so 500 waiting jobs never flood the
    /// API. A token bucket: up to one second's worth may go at once, then requests are spaced.
    /// It also backs off by itself: each 429 from the service halves the rate actually used, which
    /// then climbs back towards the ceiling while the service stays calm.
    /// </summary>
    public sealed class RequestBudget
    {
        /// <summary>How long the service must stay calm before the rate climbs one step back.</summary>
        public static readonly TimeSpan RecoveryStep = TimeSpan.FromSeconds(5);

        private static readonly ConcurrentDictionary<(string, IClock), RequestBudget> Shared = new ConcurrentDictionary<(string, IClock), RequestBudget>();

        private readonly object _gate = new object();
        private readonly IClock _clock;
        private double _ceiling;
        private double _current;
        private DateTimeOffset _calmSince;
        private DateTimeOffset _nextFree = DateTimeOffset.MinValue;

        public RequestBudget(double perSecond, IClock clock)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            RequestsPerSecond = perSecond;
        }

        /// <summary>The process-wide budget for an endpoint; the latest ceiling asked for wins.</summary>
        public static RequestBudget For(Uri endpoint, double perSecond, IClock clock)
        {
            var budget = Shared.GetOrAdd((endpoint.AbsoluteUri, clock), _ => new RequestBudget(perSecond, clock));
            budget.RequestsPerSecond = perSecond;
            return budget;
        }

        /// <summary>The ceiling: the most queries per second ever sent.</summary>
        public double RequestsPerSecond
        {
            get { lock (_gate) { return _ceiling; } }
            set
            {
                if (double.IsNaN(value) || value <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "The query budget must be a positive number of requests per second.");
                }

                lock (_gate)
                {
                    _ceiling = value;
                    _current = Math.Min(_current <= 0 ? value : _current, value);
                    _calmSince = _clock.UtcNow;
                }
            }
        }

        /// <summary>The rate in use now: the ceiling, or less while recovering from rate limits.</summary>
        public double CurrentRate
        {
            get
            {
                lock (_gate)
                {
                    Recover(_clock.UtcNow);
                    return _current;
                }
            }
        }

        /// <summary>The service said 429: halve the rate (down to a sixteenth of the ceiling).</summary>
        public void SlowDown()
        {
            lock (_gate)
            {
                _current = Math.Max(_ceiling / 16, _current / 2);
                _calmSince = _clock.UtcNow;
            }
        }

        /// <summary>Waits until one more request fits in the budget, and takes it.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _clock.UtcNow;
                Recover(now);
                var interval = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / _current));
                // Unused budget accrues for at most one second: a burst, not a backlog.
                var burstFloor = now - TimeSpan.FromTicks(Math.Max(0, TimeSpan.TicksPerSecond - interval.Ticks));
                var start = _nextFree > burstFloor ? _nextFree : burstFloor;
                _nextFree = start + interval;
                wait = start - now;
            }

            return wait > TimeSpan.Zero ? _clock.Delay(wait, cancellationToken) : Task.CompletedTask;
        }

        /// <summary>Each calm step climbs a tenth of the ceiling back. Call under the lock.</summary>
        private void Recover(DateTimeOffset now)
        {
            while (_current < _ceiling && now - _calmSince >= RecoveryStep)
            {
                _current = Math.Min(_ceiling, _current + _ceiling / 10);
                _calmSince += RecoveryStep;
            }
        }
    }
}
