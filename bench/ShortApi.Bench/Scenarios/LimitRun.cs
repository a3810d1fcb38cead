using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Reporting;
using ShortApi.Jobs.Lengths;
using ShortApi.Jobs.Polling;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Scenario 1: big batches at the module's default settings (nothing set: the throttle and the
    /// query budget adapt, the poll schedule learns) against the physical limit, the time no client
    /// at throttle 16 can beat: ceil(N / 16) x create latency + job length + one query latency + one download.
    /// </summary>
    internal sealed class LimitRun : IScenario
    {
        public const double TargetRatio = 1.25;

        public const double MaxQueriesPerShortJob = 2;

        public const int LimitThrottle = 16;

        /// <summary>A service ten times slower to answer queries: what the in-flight cap on queries, not the budget, may limit.</summary>
        public static readonly TimeSpan SlowQueryLatency = TimeSpan.FromMilliseconds(200);

        public string Name => "limit";

        public string Title => "1. Big batches at default settings, against the physical limit";

        public Task<ScenarioReport> RunAsync(BenchContext context) => Task.FromResult(Run(context));

        public static TimeSpan Limit(int jobs, EmulatorSettings emulator, TimeSpan oneDownload) =>
            TimeSpan.FromTicks(emulator.CreateLatency.Ticks * (long)Math.Ceiling((double)jobs / LimitThrottle)) + emulator.JobDuration + emulator.QueryLatency + oneDownload;

        private ScenarioReport Run(BenchContext context)
        {
            var settings = context.Settings;
            var report = new ScenarioReport(Title);
            report.Setup.Add($"Distinct 64x64 PNGs from a temporary folder, model {BenchClient.Model}; a fresh emulator in a child process per run ({EmulatorSettings.Standard.Describe()}, job length as in the table), so each run starts with nothing learned and a fresh process-wide throttle and budget. One row's emulator answers queries in {Units.Millis(SlowQueryLatency)}, ten times slower: there the queries in flight at once (at most 64), not the per-second budget, could set the pace.");
            report.Setup.Add($"Pipeline as the cmdlets run it: a BatchSubmitter, each created job added at once to one JobWaiter (default poll schedule, DownloadDirectory set), events drained until the wait completes. Wall time covers all of it. The bench's warm-up ran {WarmUp.PipelineJobs} short jobs through the same pipeline first (on another emulator, so nothing about these jobs was learned), so JIT compilation is not in these figures.");
            report.Setup.Add($"The limit = ceil(N / {LimitThrottle}) x {Units.Millis(EmulatorSettings.Standard.CreateLatency)} (create latency) + job length + {Units.Millis(EmulatorSettings.Standard.QueryLatency)} (one query; {Units.Millis(SlowQueryLatency)} in the slower row) + {Units.Millis(context.OneDownload)} (one download, the median of {WarmUp.Downloads} timed in the warm-up): the last create cannot land sooner, and its job must then run, be seen ended and be fetched.");
            report.Setup.Add("Default settings: no -ThrottleLimit (the throttle starts at 4 and grows to at most 16), no -MaxQueriesPerSecond (the budget starts at 50/s and grows to at most 400/s), default poll schedule. The last row sets the issue's tuned values explicitly, as ceilings.");
            report.Setup.Add($"Lateness = when a query first saw the job ended minus when it ended (server side); target per job max({Units.Seconds(JobFigures.MinimumLatenessTarget)}, {JobFigures.LatenessShare:P0} of its length). Queries per job = the emulator's count of status queries per job.");

            var table = new ReportTable(null,
                "Jobs", "Settings", "Wall", "Limit", "Wall / limit", "Queries per job (mean / max)", "Lateness (median / p95 / max)", "Lateness target",
                "Peak creates in flight (client / emulator)", "Peak queries in one second", "Videos / jobs created / create requests", "Problems");
            report.Tables.Add(table);

            var standard = EmulatorSettings.Standard;
            var slowQueries = standard with { QueryLatency = SlowQueryLatency };
            var runs = new List<(int Jobs, TimeSpan Length, EmulatorSettings Service, ClientPace Pace, bool Checked)>
            {
                (settings.LimitJobs, TimeSpan.FromSeconds(4), standard, ClientPace.Defaults, true),
                (settings.LimitJobs, TimeSpan.FromSeconds(30), standard, ClientPace.Defaults, true),
                (settings.LargeJobs, TimeSpan.FromSeconds(4), standard, ClientPace.Defaults, true),
                (settings.LimitJobs, TimeSpan.FromSeconds(4), slowQueries, ClientPace.Defaults, true),
                (settings.LimitJobs, TimeSpan.FromSeconds(4), standard, ClientPace.Tuned, false),
            };

            using var images = ImageSet.SmallPngs(runs.Max(r => r.Jobs));
            bool allComplete = true;
            foreach (var (jobs, length, service, pace, isChecked) in runs)
            {
                var emulator = service with { JobDuration = length };
                Log.Line($"limit: {jobs} jobs of {Units.Duration(length)}, query latency {Units.Millis(emulator.QueryLatency)}, {pace}");
                var run = Measure(images.Paths.Take(jobs).ToList(), emulator, pace);
                var limit = Limit(jobs, emulator, context.OneDownload);
                double ratio = run.Outcome.Wall / limit;
                var figures = JobFigures.Of(run.Snapshot.Jobs);
                bool complete = run.Videos == jobs && run.Snapshot.JobsCreated == jobs && run.Snapshot.CreateRequests == jobs && run.Outcome.Problems.Count == 0;
                allComplete &= complete;
                Log.Line($"limit: wall {Units.Seconds(run.Outcome.Wall)}, limit {Units.Seconds(limit)}, ratio {ratio:0.00}, queries/job {figures.Queries}, lateness {figures.Lateness}, videos {run.Videos}");
                if (pace == ClientPace.Defaults && length == TimeSpan.FromSeconds(4) && jobs == settings.LimitJobs && service == standard)
                {
                    context.DefaultBatchWall = (jobs, run.Outcome.Wall);
                }

                string name = $"{jobs:N0} x {Units.Duration(length)}" + (service == standard ? string.Empty : $", queries answered in {Units.Millis(service.QueryLatency)}");
                table.Add(
                    name,
                    pace.ToString(),
                    Units.Seconds(run.Outcome.Wall),
                    Units.Seconds(limit),
                    Units.Ratio(ratio),
                    figures.Queries,
                    figures.Lateness,
                    Units.Duration(figures.LatenessTarget),
                    $"{run.Outcome.PeakCreatesInFlight} / {run.Snapshot.PeakCreatesInFlight}",
                    run.Snapshot.PeakQueriesPerSecond.ToString(),
                    $"{run.Videos} / {run.Snapshot.JobsCreated} / {run.Snapshot.CreateRequests}",
                    run.Outcome.Problems.Count == 0 ? "none" : $"{run.Outcome.Problems.Count}: {run.Outcome.Problems[0]}");

                if (isChecked)
                {
                    report.Checks.Add(new TargetCheck(
                        $"{name}, default settings: wall / limit at throttle {LimitThrottle}",
                        $"{Units.Ratio(ratio)} ({Units.Seconds(run.Outcome.Wall)} vs {Units.Seconds(limit)})",
                        $"<= {Units.Ratio(TargetRatio)}" + (jobs == settings.LargeJobs ? " (the issue's bar for 1,000, applied to 3,000)" : service != standard ? " (the issue's bar, applied to a slower service)" : string.Empty),
                        ratio <= TargetRatio));
                    report.Checks.Add(new TargetCheck(
                        $"{name}, default settings: p95 lateness",
                        $"{Units.Duration(figures.P95Lateness)} (median {Units.Duration(figures.MedianLateness)}, max {Units.Duration(figures.MaxLateness)})" + (figures.Undetected > 0 ? $", {figures.Undetected} never seen ended" : string.Empty),
                        $"<= {Units.Duration(figures.LatenessTarget)} = max(1 s, 5 % of {Units.Duration(length)})",
                        figures.P95WithinTarget));
                    if (length == TimeSpan.FromSeconds(4))
                    {
                        report.Checks.Add(new TargetCheck(
                            $"{name}, default settings: queries per job (mean over the batch)",
                            $"{Units.Number(figures.MeanQueries, "0.00")} (max {figures.MaxQueries})",
                            $"<= {MaxQueriesPerShortJob:0}",
                            figures.MeanQueries <= MaxQueriesPerShortJob));
                    }
                }
                else
                {
                    report.Checks.Add(new TargetCheck(
                        $"{name}, {pace}: peak creates in flight at the emulator",
                        run.Snapshot.PeakCreatesInFlight.ToString(),
                        $"<= {pace.ThrottleLimit} (an explicit setting is a ceiling)",
                        run.Snapshot.PeakCreatesInFlight <= pace.ThrottleLimit));
                }
            }

            report.Checks.Add(new TargetCheck(
                "every run: videos on disk, jobs created, create requests",
                allComplete ? "each = N" : "see the table",
                "= N each (no create lost or repeated)",
                allComplete));

            report.Notes.Add($"Queries per job counts the scouting too: while a kind of job has no known length and {ScoutGroup.CloseScoutingFrom} or more jobs of it wait, one scout is asked about every {PollPlanner.CloseScoutingShare:P2} of its age (at least every {Units.Duration(LengthEstimate.MinGap)}), its role passing after each answer to the least-asked job started near the oldest, and the others wait for what it learns.");
            report.Notes.Add("'Peak queries in one second' is the emulator's count over each second of its clock: the budget starts at 50/s and doubles while it is fully used and the service is calm. With -MaxQueriesPerSecond 200 the rate never exceeds 200/s; a second can still see up to a second's worth more, saved up while the waits asked for less (the budget is a token bucket holding one second).");
            return report;
        }

        private static Measurement Measure(IReadOnlyList<string> images, EmulatorSettings settings, ClientPace pace)
        {
            using var emulator = EmulatorProcess.Start(settings);
            using var output = new OutputFolder();
            var client = BenchClient.Create(emulator.BaseAddress, pace);
            var outcome = BatchPipeline.Run(client, images, pace.ThrottleLimit, output.Path);
            return new Measurement(outcome, emulator.Snapshot(), output.CountVideos());
        }

        private sealed record Measurement(PipelineOutcome Outcome, EmulatorSnapshot Snapshot, int Videos);
    }
}
