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
        private readonly string _instancePart = NewInstancePart();
        private long _nextJob;

        public EmulatorState(EmulatorOptions options)
        {
            Options = options;
            _random = new Random(options.Seed);
            StartedAt = options.Clock.UtcNow;
            QueryLimiter = options.QueryRateLimit > 0 ? new RateLimiter(options.QueryRateLimit, options.Clock) : null;
            CreateLimiter = options.CreateRateLimit > 0 ? new RateLimiter(options.CreateRateLimit, options.Clock) : null;
        }

        /// <summary>When the emulator started, by its clock: the timeline's second 0.</summary>
        public DateTimeOffset StartedAt { get; }

        public RateLimiter? QueryLimiter { get; }

        public RateLimiter? CreateLimiter { get; }

        /// <summary>The whole seconds since the emulator started, for the request timeline.</summary>
        public int SecondNow() => (int)Math.Floor((Options.Clock.UtcNow - StartedAt).TotalSeconds);

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

        /// <summary>"job_" + this emulator's own part + a running number: job_3f9a0c1e5b27000001.</summary>
        public string NextJobId()
        {
            long n = System.Threading.Interlocked.Increment(ref _nextJob);
            return string.Format(CultureInfo.InvariantCulture, "job_{0}{1:D6}", _instancePart, n);
        }

        public Uri OutputUrl(string jobId, int index) => new Uri(BaseAddress, $"files/{Uri.EscapeDataString(jobId)}/{index}.mp4");

        /// <summary>
        /// Twelve hex digits of a fresh GUID (its random part), deliberately not from the seed: two
        /// emulators started with the same seed must still give different ids, or a journal written
        /// against one would take another's jobs for its own. The seed keeps deciding failures and faults.
        /// </summary>
        private static string NewInstancePart() => Guid.NewGuid().ToString("N").Substring(0, 12);
    }
}
