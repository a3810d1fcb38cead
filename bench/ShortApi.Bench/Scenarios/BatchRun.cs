using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Reporting;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Scenario 1: a batch of small PNGs through the cmdlets' pipeline (submit with a throttle,
    /// wait, download) at several throttles, against the ideal
    /// ceil(N / throttle) x create latency + job length + one download. Run with the default query
    /// budget and with a raised one, because the default (a process-wide ceiling) can dominate.
    /// </summary>
    internal sealed class BatchRun : IScenario
    {
        private const double TargetRatio = 1.25;

        public string Name => "batch";

        public string Title => "1. Batch: submit + wait + download";

        public Task<ScenarioReport> RunAsync(BenchContext context) => Task.FromResult(Run(context));

        private ScenarioReport Run(BenchContext context)
        {
            var settings = context.Settings;
            var emulator = EmulatorSettings.Standard;
            int n = settings.BatchImages;
            var report = new ScenarioReport(Title);
            report.Setup.Add($"{n} distinct 64x64 PNGs from a temporary folder, model {BenchClient.Model}; emulator in a child process: {emulator.Describe()}.");
            report.Setup.Add("Pipeline as the cmdlets run it: a BatchSubmitter at the throttle, each created job added at once to one JobWaiter (default PollSchedule, DownloadDirectory set), events drained until the wait completes. Wall time covers all of it.");
            report.Setup.Add($"Ideal = ceil({n} / throttle) x {Units.Millis(emulator.CreateLatency)} + {Units.Seconds(emulator.JobDuration)} + one download ({Units.Millis(context.OneDownload)}, the median of {WarmUp.Downloads} timed downloads in the warm-up).");
            report.Setup.Add($"Query budget: 'raised' sets ShortApiClientOptions.MaxQueriesPerSecond = {settings.RaisedBudget.PerSecond:0} (in PowerShell: Connect-ShortApi -MaxQueriesPerSecond {settings.RaisedBudget.PerSecond:0}); 'default' leaves it at {QueryBudget.Default.PerSecond:0}/s. Every run has its own emulator (own port), so its own process-wide budget.");

            var table = new ReportTable(null,
                "Query budget", "Throttle", "Wall", "Ideal", "Wall / ideal", "Videos on disk", "Jobs created", "Create requests",
                "Peak creates in flight (client / emulator)", "Queries", "Queries / budget", "Queries per job", "Problems");
            report.Tables.Add(table);

            using var images = ImageSet.SmallPngs(n);
            var atTarget = new Dictionary<double, BatchMeasurement>();
            foreach (var budget in new[] { settings.RaisedBudget, QueryBudget.Default })
            {
                bool allComplete = true;
                foreach (int throttle in settings.Throttles)
                {
                    Log.Line($"batch: {n} images, throttle {throttle}, budget {budget}");
                    var run = Measure(images, throttle, budget);
                    var ideal = Ideal(n, throttle, emulator, context.OneDownload);
                    double ratio = run.Outcome.Wall / ideal;
                    var snapshot = run.Snapshot;
                    bool complete = run.Videos == n && snapshot.JobsCreated == n && snapshot.CreateRequests == n && run.Outcome.Problems.Count == 0;
                    allComplete &= complete;
                    Log.Line($"batch: wall {Units.Seconds(run.Outcome.Wall)}, ideal {Units.Seconds(ideal)}, ratio {ratio:0.00}, videos {run.Videos}, created {snapshot.JobsCreated}");

                    table.Add(
                        budget.ToString(),
                        throttle.ToString(),
                        Units.Seconds(run.Outcome.Wall),
                        Units.Seconds(ideal),
                        Units.Ratio(ratio),
                        run.Videos.ToString(),
                        snapshot.JobsCreated.ToString(),
                        snapshot.CreateRequests.ToString(),
                        $"{run.Outcome.PeakCreatesInFlight} / {snapshot.PeakCreatesInFlight}",
                        snapshot.QueryRequests.ToString(),
                        Units.Seconds(TimeSpan.FromSeconds(snapshot.QueryRequests / budget.PerSecond)),
                        Units.Number((double)snapshot.QueryRequests / Math.Max(1, snapshot.JobsCreated), "0.00"),
                        run.Outcome.Problems.Count == 0 ? "none" : $"{run.Outcome.Problems.Count}: {run.Outcome.Problems[0]}");

                    if (throttle == settings.TargetThrottle)
                    {
                        atTarget[budget.PerSecond] = run;
                        context.TargetThrottleWall[budget] = run.Outcome.Wall;
                        report.Checks.Add(new TargetCheck(
                            $"wall / ideal at throttle {throttle}, {n} images, {budget} query budget",
                            $"{Units.Ratio(ratio)} ({Units.Seconds(run.Outcome.Wall)} vs {Units.Seconds(ideal)})",
                            $"<= {Units.Ratio(TargetRatio)}",
                            ratio <= TargetRatio));
                    }
                }

                report.Checks.Add(new TargetCheck(
                    $"every run, {budget} budget: videos on disk, jobs created, create requests",
                    allComplete ? $"all = {n}" : "see the table",
                    $"= {n} each (no duplicate creates)",
                    allComplete));
            }

            var targetIdeal = Ideal(n, settings.TargetThrottle, emulator, context.OneDownload);
            if (atTarget.Count > 0 && settings.SweepBudgets.Count > 0)
            {
                report.Tables.Add(BudgetSweep(images, settings, targetIdeal, atTarget));
            }

            var floor = TimeSpan.FromSeconds(n / QueryBudget.Default.PerSecond);
            if (floor > targetIdeal * TargetRatio)
            {
                report.Notes.Add($"At the default budget ({QueryBudget.Default.PerSecond:0} queries/s) even a perfect poller needs one query per job to see it end: {n} queries take at least {Units.Seconds(floor)}, " +
                                 $"{Units.Ratio(floor / targetIdeal)} the ideal at throttle {settings.TargetThrottle} ({Units.Seconds(targetIdeal)}). So at that budget the {Units.Ratio(TargetRatio)} target cannot be met for {n} jobs of {Units.Seconds(emulator.JobDuration)}, " +
                                 "whatever the poller does; the raised-budget rows show what the pipeline itself achieves.");
            }

            report.Notes.Add("The ideal leaves out the detection delay: with the default schedule a 2 s job is first asked about 0.75 s after its create returns, then every 0.75 s, so it is seen ending about 0.3-0.4 s late (scenario 3 measures it).");
            report.Notes.Add("Peak creates in flight: the client's figure is BatchSubmitter.PeakInFlight. The emulator counts a create until its handler has finished sending the answer, " +
                             "so it can read one more than the throttle when the client's next create arrives before that handler has quite finished.");
            report.Notes.Add("'Queries / budget' is the emulator's count of status queries divided by the query budget: the least time the waiter needs to send them. " +
                             "Where it comes near the wall time, the process-wide query budget, not the throttle, sets the pace.");
            return report;
        }

        /// <summary>
        /// The target throttle again at budgets between the default and the raised one: where the
        /// budget stops setting the pace, for choosing a default or advising -MaxQueriesPerSecond.
        /// </summary>
        private static ReportTable BudgetSweep(ImageSet images, BenchSettings settings, TimeSpan ideal, Dictionary<double, BatchMeasurement> atTarget)
        {
            foreach (double perSecond in settings.SweepBudgets.Where(b => !atTarget.ContainsKey(b)))
            {
                Log.Line($"batch: budget sweep, throttle {settings.TargetThrottle}, {perSecond:0}/s");
                atTarget[perSecond] = Measure(images, settings.TargetThrottle, new QueryBudget("swept", perSecond));
            }

            var table = new ReportTable(
                $"Budget sweep at throttle {settings.TargetThrottle} ({images.Paths.Count} images; the default and raised rows repeat the table above, the others are extra runs):",
                "MaxQueriesPerSecond", "Wall", "Wall / ideal", $"Within {Units.Ratio(TargetRatio)}", "Queries", "Queries per job", "Videos on disk");
            foreach (var pair in atTarget.OrderBy(p => p.Key))
            {
                var run = pair.Value;
                double ratio = run.Outcome.Wall / ideal;
                table.Add(
                    Units.Number(pair.Key, "0"),
                    Units.Seconds(run.Outcome.Wall),
                    Units.Number(ratio, "0.000") + " x",
                    ratio <= TargetRatio ? "yes" : "no",
                    run.Snapshot.QueryRequests.ToString(),
                    Units.Number((double)run.Snapshot.QueryRequests / Math.Max(1, run.Snapshot.JobsCreated), "0.00"),
                    run.Videos.ToString());
            }

            return table;
        }

        public static TimeSpan Ideal(int images, int throttle, EmulatorSettings emulator, TimeSpan oneDownload) =>
            TimeSpan.FromTicks(emulator.CreateLatency.Ticks * (long)Math.Ceiling((double)images / throttle)) + emulator.JobDuration + oneDownload;

        private static BatchMeasurement Measure(ImageSet images, int throttle, QueryBudget budget)
        {
            using var emulator = EmulatorProcess.Start(EmulatorSettings.Standard);
            using var output = new OutputFolder();
            var client = BenchClient.Create(emulator.BaseAddress, budget);
            var outcome = BatchPipeline.Run(client, images.Paths, throttle, output.Path);
            return new BatchMeasurement(outcome, emulator.Snapshot(), output.CountVideos());
        }

        private sealed record BatchMeasurement(PipelineOutcome Outcome, EmulatorSnapshot Snapshot, int Videos);
    }
}
