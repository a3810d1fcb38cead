using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ShortApi.Emulator.Faults;

namespace ShortApi.Emulator
{
    /// <summary>Counts of what the emulator was asked, for tests and the benchmark.</summary>
    public sealed class EmulatorStats
    {
        private readonly ConcurrentDictionary<int, EmulatorSecond> _timeline = new ConcurrentDictionary<int, EmulatorSecond>();
        private long _createRequests;
        private long _jobsCreated;
        private long _queryRequests;
        private long _downloads;
        private long _rejected;
        private long _unauthorized;
        private int _createsInFlight;
        private int _peakCreatesInFlight;
        private int _queriesInFlight;
        private int _peakQueriesInFlight;

        /// <summary>Every create request received, retries and refused ones included.</summary>
        public long CreateRequests => Interlocked.Read(ref _createRequests);

        /// <summary>Jobs actually created (what the account would be charged for).</summary>
        public long JobsCreated => Interlocked.Read(ref _jobsCreated);

        public long QueryRequests => Interlocked.Read(ref _queryRequests);

        public long Downloads => Interlocked.Read(ref _downloads);

        /// <summary>Creates refused for invalid arguments.</summary>
        public long Rejected => Interlocked.Read(ref _rejected);

        /// <summary>Requests refused for a missing or wrong key.</summary>
        public long Unauthorized => Interlocked.Read(ref _unauthorized);

        /// <summary>The most create requests being handled at once (from arrival until their answer starts).</summary>
        public int PeakCreatesInFlight => Volatile.Read(ref _peakCreatesInFlight);

        /// <summary>The most status queries being answered at once.</summary>
        public int PeakQueriesInFlight => Volatile.Read(ref _peakQueriesInFlight);

        /// <summary>Queries answered 429 by the query rate limit.</summary>
        public long QueriesRateLimited => Timeline.Sum(s => (long)s.QueriesLimited);

        /// <summary>Creates answered 429 by the create rate limit.</summary>
        public long CreatesRateLimited => Timeline.Sum(s => (long)s.CreatesLimited);

        /// <summary>Requests per second of the emulator's clock, oldest first (seconds with none are left out).</summary>
        public IReadOnlyList<EmulatorSecond> Timeline => _timeline.Values.OrderBy(s => s.Second).ToList();

        internal void CreateReceived(int second)
        {
            Interlocked.Increment(ref _createRequests);
            At(second).CountCreate();
        }

        internal void JobCreated() => Interlocked.Increment(ref _jobsCreated);

        internal void QueryReceived(int second)
        {
            Interlocked.Increment(ref _queryRequests);
            At(second).CountQuery();
        }

        internal void Limited(EmulatorRoute route, int second)
        {
            if (route == EmulatorRoute.Query)
            {
                At(second).CountQueryLimited();
            }
            else
            {
                At(second).CountCreateLimited();
            }
        }

        internal void DownloadServed() => Interlocked.Increment(ref _downloads);

        internal void CreateRejected() => Interlocked.Increment(ref _rejected);

        internal void Refused() => Interlocked.Increment(ref _unauthorized);

        internal void CreateStarted() => Start(ref _createsInFlight, ref _peakCreatesInFlight);

        internal void CreateFinished() => Interlocked.Decrement(ref _createsInFlight);

        internal void QueryStarted() => Start(ref _queriesInFlight, ref _peakQueriesInFlight);

        internal void QueryFinished() => Interlocked.Decrement(ref _queriesInFlight);

        private static void Start(ref int inFlight, ref int peakInFlight)
        {
            int now = Interlocked.Increment(ref inFlight);
            int peak;
            while (now > (peak = Volatile.Read(ref peakInFlight)) && Interlocked.CompareExchange(ref peakInFlight, now, peak) != peak)
            {
            }
        }

        private EmulatorSecond At(int second) => _timeline.GetOrAdd(second, s => new EmulatorSecond(s));
    }
}
