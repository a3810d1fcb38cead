using System.Threading;

namespace ShortApi.Emulator
{
    /// <summary>What reached the emulator in one second of its clock: the client's offered load, and how much the rate limits refused.</summary>
    public sealed class EmulatorSecond
    {
        private int _queries;
        private int _creates;
        private int _queriesLimited;
        private int _createsLimited;

        public EmulatorSecond(int second)
        {
            Second = second;
        }

        /// <summary>Whole seconds since the emulator started.</summary>
        public int Second { get; }

        public int Queries => Volatile.Read(ref _queries);

        public int Creates => Volatile.Read(ref _creates);

        /// <summary>Queries answered 429 by <see cref="EmulatorOptions.QueryRateLimit"/>.</summary>
        public int QueriesLimited => Volatile.Read(ref _queriesLimited);

        /// <summary>Creates answered 429 by <see cref="EmulatorOptions.CreateRateLimit"/>.</summary>
        public int CreatesLimited => Volatile.Read(ref _createsLimited);

        internal void CountQuery() => Interlocked.Increment(ref _queries);

        internal void CountCreate() => Interlocked.Increment(ref _creates);

        internal void CountQueryLimited() => Interlocked.Increment(ref _queriesLimited);

        internal void CountCreateLimited() => Interlocked.Increment(ref _createsLimited);
    }
}
