using System;
using System.Collections.Generic;
using System.Globalization;
using ShortApi.Bench.Infrastructure;
using ShortApi.Emulator;
using ShortApi.Timing;

namespace ShortApi.Bench.Emulation
{
    /// <summary>
    /// How the emulator behaves in a run. Passed to the child process on its command line, so a
    /// child emulator and an in-process one are configured the same way.
    /// </summary>
    internal sealed record EmulatorSettings
    {
        /// <summary>The one key the emulator accepts; the bench's clients send it.</summary>
        public const string ApiKey = "sk-bench-2f8c41d9e07a";

        /// <summary>The issue's stand-in: 100 ms per create (its slower end), 20 ms per query, 4 s jobs.</summary>
        public static EmulatorSettings Standard { get; } = new EmulatorSettings();

        public TimeSpan CreateLatency { get; init; } = TimeSpan.FromMilliseconds(100);

        public TimeSpan QueryLatency { get; init; } = TimeSpan.FromMilliseconds(20);

        public TimeSpan JobDuration { get; init; } = TimeSpan.FromSeconds(4);

        /// <summary>The emulator's own limit on queries per second (0: none), as a real server's.</summary>
        public double QueryRateLimit { get; init; }

        /// <summary>The emulator's own limit on creates per second (0: none).</summary>
        public double CreateRateLimit { get; init; }

        /// <summary>Small outputs: the download is part of the pipeline, not what is measured.</summary>
        public int OutputBytes { get; init; } = 64 * 1024;

        public int Seed { get; init; } = 1;

        public EmulatorOptions ToOptions(IClock? clock = null) => new EmulatorOptions
        {
            ApiKey = ApiKey,
            CreateLatency = CreateLatency,
            QueryLatency = QueryLatency,
            JobDuration = JobDuration,
            OutputBytes = OutputBytes,
            Seed = Seed,
            QueryRateLimit = QueryRateLimit,
            CreateRateLimit = CreateRateLimit,
            // Keeping bodies would hold every base64 image in the emulator: never in a benchmark.
            RecordCreateBodies = false,
            Clock = clock ?? SystemClock.Instance,
        };

        public IEnumerable<string> ToArguments() => new[]
        {
            "--create-latency-ms", Millis(CreateLatency),
            "--query-latency-ms", Millis(QueryLatency),
            "--job-ms", Millis(JobDuration),
            "--output-bytes", OutputBytes.ToString(CultureInfo.InvariantCulture),
            "--seed", Seed.ToString(CultureInfo.InvariantCulture),
            "--query-rate-limit", QueryRateLimit.ToString(CultureInfo.InvariantCulture),
            "--create-rate-limit", CreateRateLimit.ToString(CultureInfo.InvariantCulture),
        };

        public static EmulatorSettings Parse(CommandLine commandLine)
        {
            var defaults = new EmulatorSettings();
            return new EmulatorSettings
            {
                CreateLatency = TimeSpan.FromMilliseconds(commandLine.Double("--create-latency-ms", defaults.CreateLatency.TotalMilliseconds)),
                QueryLatency = TimeSpan.FromMilliseconds(commandLine.Double("--query-latency-ms", defaults.QueryLatency.TotalMilliseconds)),
                JobDuration = TimeSpan.FromMilliseconds(commandLine.Double("--job-ms", defaults.JobDuration.TotalMilliseconds)),
                OutputBytes = commandLine.Int("--output-bytes", defaults.OutputBytes),
                Seed = commandLine.Int("--seed", defaults.Seed),
                QueryRateLimit = commandLine.Double("--query-rate-limit", 0),
                CreateRateLimit = commandLine.Double("--create-rate-limit", 0),
            };
        }

        public string Describe() =>
            $"create latency {Units.Millis(CreateLatency)}, query latency {Units.Millis(QueryLatency)}, job length {Units.Duration(JobDuration)}, output {Units.KiB(OutputBytes)}" +
            (QueryRateLimit > 0 || CreateRateLimit > 0 ? $", rate limits {QueryRateLimit:0} queries/s and {CreateRateLimit:0} creates/s (429 with Retry-After above them)" : string.Empty);

        private static string Millis(TimeSpan value) => value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
