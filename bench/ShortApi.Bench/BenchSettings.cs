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
            "  --only a,b         run only these scenarios: batch, sequential, cadence, memory, cpu\n" +
            "  --throttles a,b    scenario 1's throttles (default 1,4,16,64; the target is at 16)\n" +
            "  --raised-budget n  the 'raised' MaxQueriesPerSecond compared with the default (default 1000)\n" +
            "  --out <path>       where to write the results (default bench/RESULTS.md)";

        public static readonly string[] ScenarioNames = { "batch", "sequential", "cadence", "memory", "cpu" };

        public bool Quick { get; private init; }

        /// <summary>Scenario 1: the batch size and throttles; the issue's target is at <see cref="TargetThrottle"/>.</summary>
        public int BatchImages { get; private init; }

        public IReadOnlyList<int> Throttles { get; private init; } = Array.Empty<int>();

        /// <summary>The query budget compared with the default one (scenarios 1 and 3) and used where the budget must not set the pace (5).</summary>
        public QueryBudget RaisedBudget { get; private init; } = QueryBudget.Raised();

        public int TargetThrottle => 16;

        /// <summary>Scenario 1: extra query budgets tried at the target throttle, between the default and the raised one.</summary>
        public IReadOnlyList<double> SweepBudgets { get; private init; } = Array.Empty<double>();

        /// <summary>Scenario 2: how many images the sequential loop really runs before extrapolating.</summary>
        public int SequentialImages { get; private init; }

        /// <summary>Scenario 3: 2 s jobs on the real clock, and simulated ten-minute jobs on a scaled one.</summary>
        public int CadenceJobs { get; private init; }

        public int LongJobs { get; private init; }

        public TimeSpan LongJobDuration { get; } = TimeSpan.FromMinutes(10);

        /// <summary>60: a ten-minute job takes ten real seconds, and 1 ms of scheduling noise is only 60 ms of emulated time.</summary>
        public double ClockFactor { get; } = 60;

        /// <summary>Scenario 4: the issue's 32 images of 8 MB.</summary>
        public int MemoryImages { get; private init; }

        public int MemoryImageBytes { get; } = 8 * 1024 * 1024;

        /// <summary>Scenario 5: batch sizes whose CPU per job is compared, each run this many times (median kept).</summary>
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
                BatchImages = quick ? 100 : 500,
                Throttles = ParseList(commandLine.Value("--throttles") ?? "1,4,16,64"),
                SweepBudgets = quick ? new double[] { 100 } : new double[] { 100, 150, 200 },
                RaisedBudget = QueryBudget.Raised(commandLine.Double("--raised-budget", QueryBudget.DefaultRaisedPerSecond)),
                SequentialImages = quick ? 4 : 20,
                CadenceJobs = quick ? 20 : 50,
                LongJobs = quick ? 10 : 50,
                MemoryImages = quick ? 16 : 32,
                CpuBatches = quick ? new[] { 50, 200 } : new[] { 100, 500 },
                CpuRepeats = quick ? 1 : 3,
                Only = only,
                RepositoryDirectory = repository,
                // A quick trial never overwrites the figures of record.
                ResultsPath = commandLine.Value("--out") ?? Path.Combine(bench, quick ? "RESULTS-quick.md" : "RESULTS.md"),
                Command = "dotnet run -c Release --project bench/ShortApi.Bench" + (Environment.GetCommandLineArgs().Length > 1 ? " -- " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1)) : string.Empty),
            };
        }

        private static int[] ParseList(string text) =>
            text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => int.Parse(t, System.Globalization.CultureInfo.InvariantCulture))
                .ToArray();

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
