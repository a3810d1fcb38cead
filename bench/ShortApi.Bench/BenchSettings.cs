using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShortApi.Bench.Infrastructure;

namespace ShortApi.Bench
{
    /// <summary>The sizes of a run: the issue's (full) or smaller ones for a quick trial.</summary>
    internal sealed class BenchSettings
    {
        public const string Usage =
            "usage: dotnet run -c Release --project bench/ShortApi.Bench [-- options]\n" +
            "  --quick            smaller batches (a trial; writes bench/RESULTS-quick.md)\n" +
            "  --only a,b         run only these scenarios: limit, parallel, sequential, long, ratelimit, memory, cpu\n" +
            "  --out <path>       where to write the results (default bench/RESULTS.md)";

        public static readonly string[] ScenarioNames = { "limit", "parallel", "sequential", "long", "ratelimit", "memory", "cpu" };

        public bool Quick { get; private init; }

        /// <summary>The throttle the limit is computed at, and the explicit one of the memory scenario.</summary>
        public int TargetThrottle => 16;

        /// <summary>Scenario 1: the issue's batch of a thousand (4 s and 30 s jobs), and its big one of three thousand.</summary>
        public int LimitJobs { get; private init; }

        public int LargeJobs { get; private init; }

        /// <summary>Scenario 2: batch sizes the ForEach-Object -Parallel script is run at.</summary>
        public IReadOnlyList<int> ParallelSizes { get; private init; } = Array.Empty<int>();

        /// <summary>Scenario 3: how many images the sequential loop really runs before extrapolating.</summary>
        public int SequentialImages { get; private init; }

        /// <summary>Scenario 4: ten-minute jobs on a scaled clock.</summary>
        public int LongJobs { get; private init; }

        public TimeSpan LongJobDuration { get; } = TimeSpan.FromMinutes(10);

        /// <summary>60: a ten-minute job takes ten real seconds, and 1 ms of scheduling noise is only 60 ms of emulated time.</summary>
        public double ClockFactor { get; } = 60;

        /// <summary>Scenario 5: the batch and the emulator's limits.</summary>
        public int RateLimitJobs { get; private init; }

        public double QueryRateLimit { get; } = 60;

        public double CreateRateLimit { get; } = 40;

        /// <summary>Scenario 6: the issue's 32 images of 8 MB.</summary>
        public int MemoryImages { get; private init; }

        public int MemoryImageBytes { get; } = 8 * 1024 * 1024;

        /// <summary>Scenario 7: batch sizes whose CPU per job is compared, each run this many times (median kept).</summary>
        public IReadOnlyList<int> CpuBatches { get; private init; } = Array.Empty<int>();

        public int CpuRepeats { get; private init; }

        public IReadOnlySet<string> Only { get; private init; } = new HashSet<string>();

        public string ResultsPath { get; private init; } = string.Empty;

        /// <summary>The repository root (where the solution is), for the report's note of the source state.</summary>
        public string RepositoryDirectory { get; private init; } = string.Empty;

        public string Command { get; private init; } = string.Empty;

        public bool Includes(string scenario) => Only.Count == 0 || Only.Contains(scenario);

        public static BenchSettings From(CommandLine commandLine)
        {
            bool quick = commandLine.Has("--quick");
            var only = (commandLine.Value("--only") ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unknown = only.Except(ScenarioNames, StringComparer.OrdinalIgnoreCase).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"Unknown scenario(s): {string.Join(", ", unknown)}.");
            }

            string repository = RepositoryRoot();
            string bench = Path.Combine(repository, "bench");
            return new BenchSettings
            {
                Quick = quick,
                LimitJobs = quick ? 200 : 1000,
                LargeJobs = quick ? 600 : 3000,
                ParallelSizes = quick ? new[] { 20, 200 } : new[] { 40, 1000 },
                SequentialImages = quick ? 3 : 10,
                LongJobs = quick ? 10 : 20,
                RateLimitJobs = quick ? 300 : 1000,
                MemoryImages = quick ? 16 : 32,
                CpuBatches = quick ? new[] { 50, 400 } : new[] { 100, 3000 },
                CpuRepeats = quick ? 1 : 3,
                Only = only,
                RepositoryDirectory = repository,
                // A quick trial never overwrites the figures of record.
                ResultsPath = commandLine.Value("--out") ?? Path.Combine(bench, quick ? "RESULTS-quick.md" : "RESULTS.md"),
                Command = "dotnet run -c Release --project bench/ShortApi.Bench" + (Environment.GetCommandLineArgs().Length > 1 ? " -- " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1)) : string.Empty),
            };
        }

        /// <summary>The repository root (holding the solution): found from the build output upwards, wherever the bench is run from.</summary>
        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ShortApi.PowerShell.sln")))
                {
                    return directory.FullName;
                }
            }

            return Directory.GetCurrentDirectory();
        }
    }
}
