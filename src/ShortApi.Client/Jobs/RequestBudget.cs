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
    /// </summary>
    public sealed class RequestBudget
    {
        private static readonly ConcurrentDictionary<(string, IClock), RequestBudget> Shared = new ConcurrentDictionary<(string, IClock), RequestBudget>();

        private readonly object _gate = new object();
        private readonly IClock _clock;
        private double _perSecond;
        private DateTimeOffset _nextFree = DateTimeOffset.MinValue;

        public RequestBudget(double perSecond, IClock clock)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            RequestsPerSecond = perSecond;
        }

        /// <summary>The process-wide budget for an endpoint; the latest rate asked for wins.</summary>
        public static RequestBudget For(Uri endpoint, double perSecond, IClock clock)
        {
            var budget = Shared.GetOrAdd((endpoint.AbsoluteUri, clock), _ => new RequestBudget(perSecond, clock));
            budget.RequestsPerSecond = perSecond;
            return budget;
        }

        public double RequestsPerSecond
        {
            get { lock (_gate) { return _perSecond; } }
            set
            {
                if (double.IsNaN(value) || value <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "The query budget must be a positive number of requests per second.");
                }

                lock (_gate)
                {
                    _perSecond = value;
                }
            }
        }

        /// <summary>Waits until one more request fits in the budget, and takes it.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var interval = TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / _perSecond));
                var now = _clock.UtcNow;
                // Unused budget accrues for at most one second: a burst, not a backlog.
                var burstFloor = now - TimeSpan.FromTicks(Math.Max(0, TimeSpan.TicksPerSecond - interval.Ticks));
                var start = _nextFree > burstFloor ? _nextFree : burstFloor;
                _nextFree = start + interval;
                wait = start - now;
            }

            return wait > TimeSpan.Zero ? _clock.Delay(wait, cancellationToken) : Task.CompletedTask;
        }
    }
}
