using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Timing;

namespace ShortApi.Jobs
{
    /// <summary>
    /// The pace of status queries, shared by everything in the process that polls the same
    /// endpoint (every job, every wait, every runspace). A token bucket: up to one second's worth
    /// may go at once, then requests are spaced. Its rate adapts: it starts polite
    /// (<see cref="StartRate"/>), doubles while the waits fully use it and the service answers
    /// calmly, halves at each 429 or 503 (once per burst of them) and then climbs back by a tenth of
    /// the rate that met the limit per calm second, and
    /// sends nothing until a Retry-After has passed. It never exceeds its ceiling: the caller's
    /// MaxQueriesPerSecond when set, else <see cref="DefaultCeiling"/>.
    /// </summary>
    public sealed class RequestBudget
    {
        /// <summary>The rate a budget starts at (or its ceiling, when lower).</summary>
        public const double StartRate = 50;

        /// <summary>The ceiling when the caller sets none: room for a thousand short jobs ending together.</summary>
        public const double DefaultCeiling = 400;

        /// <summary>The lowest rate halving reaches (or the ceiling, when lower).</summary>
        public const double LowestRate = 1;

        /// <summary>After a rate limit, climbing back adds this share of the rate the service limited per calm second: a gentle probe near its limit.</summary>
        public const double RecoveryShare = 0.1;

        /// <summary>The rate grows only after the service has answered without a rate limit for this long.</summary>
        public static readonly TimeSpan CalmPeriod = TimeSpan.FromSeconds(1);

        /// <summary>Until the first rate limit, the rate doubles once per this while it is fully used.</summary>
        public static readonly TimeSpan DoublingStep = TimeSpan.FromMilliseconds(250);

        /// <summary>After a rate limit, the rate climbs one step per this while it is fully used.</summary>
        public static readonly TimeSpan RecoveryStep = TimeSpan.FromSeconds(1);

        /// <summary>Rate limits this close together are one event: the requests in flight all meet it.</summary>
        public static readonly TimeSpan HalvingSpacing = TimeSpan.FromMilliseconds(250);

        private static readonly ConcurrentDictionary<(string, IClock), RequestBudget> Shared = new ConcurrentDictionary<(string, IClock), RequestBudget>();

        private readonly object _gate = new object();
        private readonly IClock _clock;
        private double _ceiling;
        private bool _explicit;
        private double _current;
        private bool _neverLimited = true;
        private double _limitedAt;
        private DateTimeOffset _lastLimited = DateTimeOffset.MinValue;
        private DateTimeOffset _lastHalving = DateTimeOffset.MinValue;
        private DateTimeOffset _lastGrowth;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
        private DateTimeOffset _nextFree = DateTimeOffset.MinValue;

        /// <summary>A budget never above <paramref name="ceiling"/> queries per second (null: <see cref="DefaultCeiling"/>).</summary>
        public RequestBudget(double? ceiling, IClock clock)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _lastGrowth = clock.UtcNow;
            SetCeiling(ceiling);
        }

        /// <summary>The process-wide budget for an endpoint; the latest ceiling asked for wins.</summary>
        public static RequestBudget For(Uri endpoint, double? ceiling, IClock clock)
        {
            var budget = Shared.GetOrAdd((endpoint.AbsoluteUri, clock), _ => new RequestBudget(ceiling, clock));
            budget.SetCeiling(ceiling);
            return budget;
        }

        /// <summary>The ceiling: the most queries per second ever sent. Setting it makes it explicit.</summary>
        public double RequestsPerSecond
        {
            get { lock (_gate) { return _ceiling; } }
            set => SetCeiling(value);
        }

        /// <summary>True when the ceiling was set by the caller rather than defaulted.</summary>
        public bool IsCeilingExplicit { get { lock (_gate) { return _explicit; } } }

        /// <summary>The rate in use now: at most the ceiling.</summary>
        public double CurrentRate { get { lock (_gate) { return _current; } } }

        /// <summary>The service said 429 or 503: halve the rate, and send nothing before its Retry-After has passed.</summary>
        public void SlowDown(TimeSpan? retryAfter = null)
        {
            lock (_gate)
            {
                var now = _clock.UtcNow;
                if (retryAfter > TimeSpan.Zero && now + retryAfter.Value > _pausedUntil)
                {
                    _pausedUntil = now + retryAfter.Value;
                }

                if (now - _lastHalving >= HalvingSpacing)
                {
                    _limitedAt = _current;
                    _current = Math.Max(Math.Min(LowestRate, _ceiling), _current / 2);
                    _lastHalving = now;
                }

                _lastLimited = now;
                _neverLimited = false;
            }
        }

        /// <summary>Waits until one more request fits in the budget, and takes it.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _clock.UtcNow;
                var start = NextStart(now);
                if (start > now && Grow(now))
                {
                    // Fully used and calm: the rate just grew, so this request may go sooner.
                    start = NextStart(now);
                }

                _nextFree = start + Interval();
                if (start < _pausedUntil)
                {
                    start = _pausedUntil;
                    _nextFree = start + Interval();
                }

                wait = start - now;
            }

            return wait > TimeSpan.Zero ? _clock.Delay(wait, cancellationToken) : Task.CompletedTask;
        }

        private void SetCeiling(double? ceiling)
        {
            if (ceiling.HasValue && (double.IsNaN(ceiling.Value) || ceiling.Value <= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(ceiling), "The query budget must be a positive number of requests per second.");
            }

            lock (_gate)
            {
                _ceiling = ceiling ?? DefaultCeiling;
                _explicit = ceiling.HasValue;
                _current = _current <= 0 ? Math.Min(StartRate, _ceiling) : Math.Min(_current, _ceiling);
            }
        }

        /// <summary>When the next request may start: spaced at the rate, with at most one second's worth saved up. Call under the lock.</summary>
        private DateTimeOffset NextStart(DateTimeOffset now)
        {
            var burstFloor = now - TimeSpan.FromTicks(Math.Max(0, TimeSpan.TicksPerSecond - Interval().Ticks));
            return _nextFree > burstFloor ? _nextFree : burstFloor;
        }

        private TimeSpan Interval() => TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / _current));

        /// <summary>Grows the rate one step when it is due and the service is calm; true when it grew. Call under the lock.</summary>
        private bool Grow(DateTimeOffset now)
        {
            var step = _neverLimited ? DoublingStep : RecoveryStep;
            if (_current >= _ceiling || now - _lastLimited < CalmPeriod || now - _lastGrowth < step)
            {
                return false;
            }

            _current = Math.Min(_ceiling, _neverLimited ? _current * 2 : _current + Math.Max(LowestRate, _limitedAt * RecoveryShare));
            _lastGrowth = now;
            return true;
        }
    }
}
