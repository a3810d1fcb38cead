using System.Threading;

namespace ShortApi.Emulator
{
    /// <summary>Counts of what the emulator was asked, for tests and the benchmark.</summary>
    public sealed class EmulatorStats
    {
        private long _createRequests;
        private long _jobsCreated;
        private long _queryRequests;
        private long _downloads;
        private long _rejected;
        private long _unauthorized;
        private int _createsInFlight;
        private int _peakCreatesInFlight;

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

        /// <summary>The most create requests being handled at once.</summary>
        public int PeakCreatesInFlight => Volatile.Read(ref _peakCreatesInFlight);

        internal void CreateReceived() => Interlocked.Increment(ref _createRequests);

        internal void JobCreated() => Interlocked.Increment(ref _jobsCreated);

        internal void QueryReceived() => Interlocked.Increment(ref _queryRequests);

        internal void DownloadServed() => Interlocked.Increment(ref _downloads);

        internal void CreateRejected() => Interlocked.Increment(ref _rejected);

        internal void Refused() => Interlocked.Increment(ref _unauthorized);

        internal void CreateStarted()
        {
            int now = Interlocked.Increment(ref _createsInFlight);
            int peak;
            while (now > (peak = Volatile.Read(ref _peakCreatesInFlight)) && Interlocked.CompareExchange(ref _peakCreatesInFlight, now, peak) != peak)
            {
            }
        }

        internal void CreateFinished() => Interlocked.Decrement(ref _createsInFlight);
    }
}
