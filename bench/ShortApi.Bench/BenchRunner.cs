using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Reporting;
using ShortApi.Bench.Scenarios;

namespace ShortApi.Bench
{
    /// <summary>Runs the scenarios in order and writes the report, whatever happens to any one of them.</summary>
    internal static class BenchRunner
    {
        public static async Task<int> RunAsync(BenchSettings settings)
        {
            var started = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            var machine = MachineInfo.Current();
            Log.Line($"ShortApi bench ({(settings.Quick ? "quick" : "full")}) on {machine.Cpu}, {machine.Cores} cores, load {machine.LoadAverage}");

            Log.Line("warm-up");
            var oneDownload = await WarmUp.RunAsync().ConfigureAwait(false);
            Log.Line($"warm-up done; one download takes {Units.Millis(oneDownload)}");
            var context = new BenchContext(settings, oneDownload);

            var scenarios = new IScenario[] { new LimitRun(), new ParallelScriptRun(), new SequentialRun(), new LongJobRun(), new RateLimitRun(), new MemoryRun(), new CpuRun() };
            var reports = new List<ScenarioReport>();
            foreach (var scenario in scenarios.Where(s => settings.Includes(s.Name)))
            {
                Log.Line($"== {scenario.Title}");
                reports.Add(await RunGuardedAsync(scenario, context).ConfigureAwait(false));
            }

            var run = new RunInfo(settings.Command, settings.Quick, started, watch.Elapsed, machine, MachineInfo.LoadAverageNow(), SourceInfo.Describe(settings.RepositoryDirectory));
            ResultsWriter.Write(settings.ResultsPath, run, reports);
            Log.Line($"wrote {settings.ResultsPath}");
            foreach (var check in reports.SelectMany(r => r.Checks))
            {
                Log.Line($"  {check.Verdict}  {check.Figure}: {check.Measured} (target {check.Target})");
            }

            return reports.Any(r => r.Failure != null) ? 1 : 0;
        }

        /// <summary>A scenario that throws still gets its section, saying why, and the others still run.</summary>
        private static async Task<ScenarioReport> RunGuardedAsync(IScenario scenario, BenchContext context)
        {
            try
            {
                return await scenario.RunAsync(context).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Log.Line($"{scenario.Name} failed: {ex}");
                return new ScenarioReport(scenario.Title) { Failure = ex.GetType().Name + ": " + ex.Message };
            }
        }
    }
}
