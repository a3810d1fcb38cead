using System;
using System.Collections.Concurrent;
using System.Globalization;
using ShortApi.Emulator.Faults;

namespace ShortApi.Emulator
{
    /// <summary>What the handlers share: options, jobs, counters, faults and the seeded randomness.</summary>
    internal sealed class EmulatorState
    {
        private readonly Random _random;
        private readonly object _randomGate = new object();
        private long _nextJob;

        public EmulatorState(EmulatorOptions options)
        {
            Options = options;
            _random = new Random(options.Seed);
        }

        public EmulatorOptions Options { get; }

        public ConcurrentDictionary<string, EmulatedJob> Jobs { get; } = new ConcurrentDictionary<string, EmulatedJob>(StringComparer.Ordinal);

        public EmulatorStats Stats { get; } = new EmulatorStats();

        public FaultPlan Faults { get; } = new FaultPlan();

        public Uri BaseAddress { get; set; } = new Uri("http://127.0.0.1/");

        /// <summary>True with probability <paramref name="rate"/>, from the seeded sequence.</summary>
        public bool Chance(double rate)
        {
            if (rate <= 0)
            {
                return false;
            }

            lock (_randomGate)
            {
                return _random.NextDouble() < rate;
            }
        }

        public string NextJobId()
        {
            long n = System.Threading.Interlocked.Increment(ref _nextJob);
            int salt;
            lock (_randomGate)
            {
                salt = _random.Next(0x10000);
            }

            return string.Format(CultureInfo.InvariantCulture, "job_{0:D6}{1:x4}", n, salt);
        }

        public Uri OutputUrl(string jobId, int index) => new Uri(BaseAddress, $"files/{Uri.EscapeDataString(jobId)}/{index}.mp4");
    }
}
