using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Reporting;
using ShortApi.Jobs;
using ShortApi.Timing;
using ShortApi.TestSupport;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Scenario 3: the default polling cadence. How many queries a job costs, and how long after
    /// its end the client notices, both counted by the emulator (server side). 2 s jobs run on the
    /// real clock against a child emulator; ten-minute jobs run in-process on a
    /// <see cref="ScaledClock"/> shared by client and emulator, so every time here is emulated time.
    /// </summary>
    internal sealed class CadenceRun : IScenario
    {
        private const int MaxQueriesPerLongJob = 40;

        private static readonly TimeSpan MinimumDetectionTarget = TimeSpan.FromSeconds(1);

        public string Name => "cadence";

        public string Title => "3. Polling cadence: queries per job and detection delay";

        public Task<ScenarioReport> RunAsync(BenchContext context) => Task.FromResult(Run(context));

        private ScenarioReport Run(BenchContext context)
        {
            var settings = context.Settings;
            int throttle = settings.TargetThrottle;
            var longSettings = EmulatorSettings.Standard with { JobDuration = settings.LongJobDuration };
            var report = new ScenarioReport(Title);
            report.Setup.Add($"Client with default settings: default PollSchedule (no PollInterval), jobs fed through the batch pipeline at throttle {throttle}, no downloads.");
            report.Setup.Add("Detection delay = when a query first saw the job ended (EmulatedJob.FirstSeenEndedAt) minus when it ended (EndsAt). Queries per job = EmulatedJob.Queries.");
            report.Setup.Add($"Target per job: detected within max({Units.Seconds(MinimumDetectionTarget)}, a quarter of its run time); a {Units.Duration(settings.LongJobDuration)} job costs at most {MaxQueriesPerLongJob} queries.");
            report.Setup.Add($"2 s jobs: {settings.CadenceJobs} jobs, real clock, emulator in a child process ({EmulatorSettings.Standard.Describe()}); run with the default query budget (the default settings) and again with the raised one.");
            report.Setup.Add($"{Units.Duration(settings.LongJobDuration)} jobs: {settings.LongJobs} jobs, emulator in-process, ScaledClock x{settings.ClockFactor:0} shared by client and emulator (latencies and times below are emulated: {longSettings.Describe()}); default query budget.");

            var table = new ReportTable(null,
                "Jobs", "Clock", "Query budget", "Detected", "Delay median", "Delay p95", "Delay max", "Target", "Queries per job (mean)", "Queries per job (max)", "Real wall", "Warnings / problems");
            report.Tables.Add(table);

            foreach (var budget in new[] { QueryBudget.Default, settings.RaisedBudget })
            {
                Log.Line($"cadence: {settings.CadenceJobs} jobs of 2 s, budget {budget}");
                using var emulator = EmulatorProcess.Start(EmulatorSettings.Standard);
                var figures = Measure(emulator, BenchClient.Create(emulator.BaseAddress, budget), settings.CadenceJobs, throttle);
                AddRow(table, figures, $"{settings.CadenceJobs} x 2 s", "real", budget);
                report.Checks.Add(DetectionCheck(figures, $"2 s jobs, {budget} budget: max detection delay"));
                if (figures.MaxDelay > figures.Target)
                {
                    report.Notes.Add(BudgetBoundNote(figures, budget));
                }
            }

            {
                Log.Line($"cadence: {settings.LongJobs} jobs of {Units.Duration(settings.LongJobDuration)}, clock x{settings.ClockFactor:0}");
                var clock = new ScaledClock(settings.ClockFactor);
                using var emulator = new InProcessEmulator(longSettings, clock);
                var figures = Measure(emulator, BenchClient.Create(emulator.BaseAddress, QueryBudget.Default, clock), settings.LongJobs, throttle);
                AddRow(table, figures, $"{settings.LongJobs} x {Units.Duration(settings.LongJobDuration)}", $"scaled x{settings.ClockFactor:0}", QueryBudget.Default);
                report.Checks.Add(DetectionCheck(figures, $"{Units.Duration(settings.LongJobDuration)} jobs: max detection delay"));
                report.Checks.Add(new TargetCheck(
                    $"{Units.Duration(settings.LongJobDuration)} jobs: queries per job",
                    $"max {figures.MaxQueries}, mean {figures.MeanQueries:0.0}",
                    $"<= {MaxQueriesPerLongJob}",
                    figures.Undetected == 0 && figures.MaxQueries <= MaxQueriesPerLongJob));
            }

            report.Notes.Add(ScheduleNote(settings.LongJobDuration));
            report.Notes.Add($"On the scaled clock 1 ms of real scheduling delay is {settings.ClockFactor:0} ms of emulated time, so the ten-minute delays carry the machine's noise magnified; they are still far inside the target.");
            return report;
        }

        /// <summary>
        /// Why a budget-bound miss is the budget's: jobs ending close together need one query each to be
        /// seen ending, and the budget spaces those queries, whatever the poller's order.
        /// </summary>
        private static string BudgetBoundNote(CadenceFigures figures, QueryBudget budget)
        {
            // The budget is a token bucket holding at most one second's worth: that many may go at once, the rest are spaced.
            double burst = Math.Floor(budget.PerSecond);
            var spaced = TimeSpan.FromSeconds(Math.Max(0, figures.Jobs - burst) / budget.PerSecond);
            var bound = spaced - figures.EndSpread;
            var schedule = PollSchedule.Default;
            double youngJobs = budget.PerSecond * schedule.MinInterval.TotalSeconds;
            return $"With the {budget} budget the {figures.Jobs} jobs ended within {Units.Seconds(figures.EndSpread)} of one another, and each needs a query to be seen ending. " +
                   $"Even with a full burst of {burst:0} saved up, the other {Math.Max(0, figures.Jobs - burst):0} queries are spaced over {Units.Seconds(spaced)}, so the last job cannot be seen sooner than about " +
                   $"{Units.Seconds(bound)} after its end, however the poller orders its queries. Measured: {Units.Seconds(figures.MaxDelay)}, against {Units.Seconds(TimeSpan.FromSeconds(figures.Jobs / budget.PerSecond))} for {figures.Jobs} queries at {budget.PerSecond:0}/s with no burst left: " +
                   $"a poller cannot know when a job will end, so the burst went on earlier queries that found the jobs still running ({figures.MeanQueries:0.0} queries per job). " +
                   $"The budget keeps the schedule's {Units.Millis(schedule.MinInterval)} gap for at most {budget.PerSecond:0} x {schedule.MinInterval.TotalSeconds:0.00} s = {youngJobs:0} young jobs at once; " +
                   "the raised-budget row shows the schedule itself meets the target.";
        }

        /// <summary>What the default schedule alone promises for a long job, from <see cref="PollSchedule"/> itself (no latency).</summary>
        private static string ScheduleNote(TimeSpan duration)
        {
            var schedule = PollSchedule.Default;
            int queries = 0;
            var age = TimeSpan.Zero;
            do
            {
                age += schedule.NextDelay(age);
                queries++;
            }
            while (age < duration);

            var worstGap = schedule.NextDelay(duration);
            return $"By the default PollSchedule alone (a gap of {schedule.AgeFraction:0.##} x the job's age, from {Units.Millis(schedule.MinInterval)} to {Units.Duration(schedule.MaxInterval)}, no latency), a {Units.Duration(duration)} job is asked about {queries} times " +
                   $"and its end is seen at most {Units.Duration(worstGap)} late. Measured counts come out lower because each gap starts when the previous answer lands, " +
                   "and on the scaled clock every real millisecond of round trip is magnified.";
        }

        private static CadenceFigures Measure(IEmulatorHost emulator, ShortApiClient client, int jobs, int throttle)
        {
            using var images = ImageSet.SmallPngs(jobs);
            var outcome = BatchPipeline.Run(client, images.Paths, throttle, downloadDirectory: null);
            var figures = CadenceFigures.From(emulator.Snapshot().Jobs, outcome);
            Log.Line($"cadence: delay max {Units.Duration(figures.MaxDelay)}, p95 {Units.Duration(figures.P95Delay)}, queries/job max {figures.MaxQueries}, mean {figures.MeanQueries:0.0}");
            return figures;
        }

        private static void AddRow(ReportTable table, CadenceFigures figures, string jobs, string clock, QueryBudget budget) =>
            table.Add(
                jobs,
                clock,
                budget.ToString(),
                $"{figures.Jobs - figures.Undetected} of {figures.Jobs}",
                Units.Duration(figures.MedianDelay),
                Units.Duration(figures.P95Delay),
                Units.Duration(figures.MaxDelay),
                Units.Duration(figures.Target),
                Units.Number(figures.MeanQueries),
                figures.MaxQueries.ToString(),
                Units.Seconds(figures.RealWall),
                $"{figures.Outcome.Warnings} / {figures.Outcome.Problems.Count}");

        private static TargetCheck DetectionCheck(CadenceFigures figures, string name) => new TargetCheck(
            name,
            $"{Units.Duration(figures.MaxDelay)} (p95 {Units.Duration(figures.P95Delay)})" + (figures.Undetected > 0 ? $", {figures.Undetected} never detected" : string.Empty),
            $"<= {Units.Duration(figures.Target)} = max(1 s, run time / 4)",
            figures.Undetected == 0 && figures.WorstShareOfTarget <= 1.0);

        private sealed record CadenceFigures(
            int Jobs, int Undetected, TimeSpan MedianDelay, TimeSpan P95Delay, TimeSpan MaxDelay, TimeSpan Target,
            double WorstShareOfTarget, double MeanQueries, int MaxQueries, TimeSpan EndSpread, PipelineOutcome Outcome)
        {
            public TimeSpan RealWall => Outcome.Wall;

            public static CadenceFigures From(IReadOnlyList<JobRecord> jobs, PipelineOutcome outcome)
            {
                var detected = jobs.Where(j => j.DetectionDelay.HasValue).ToList();
                var delays = detected.Select(j => j.DetectionDelay!.Value.TotalSeconds).ToList();
                double worstShare = detected.Count == 0 ? double.PositiveInfinity : detected.Max(j => j.DetectionDelay!.Value / TargetFor(j));
                // With nothing detected the delays read zero; the undetected count fails the check.
                TimeSpan Delay(Func<List<double>, double> pick) => delays.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(pick(delays));
                return new CadenceFigures(
                    jobs.Count,
                    jobs.Count - detected.Count,
                    Delay(d => Statistics.Median(d)),
                    Delay(d => Statistics.Percentile(d, 95)),
                    Delay(d => d.Max()),
                    jobs.Count == 0 ? TimeSpan.Zero : jobs.Max(TargetFor),
                    worstShare,
                    jobs.Count == 0 ? 0 : jobs.Average(j => j.Queries),
                    jobs.Count == 0 ? 0 : jobs.Max(j => j.Queries),
                    jobs.Count == 0 ? TimeSpan.Zero : jobs.Max(j => j.EndsAt) - jobs.Min(j => j.EndsAt),
                    outcome);
            }

            /// <summary>max(1 s, a quarter of the job's run time when it ended).</summary>
            private static TimeSpan TargetFor(JobRecord job)
            {
                var quarter = job.Duration / 4;
                return quarter > MinimumDetectionTarget ? quarter : MinimumDetectionTarget;
            }
        }
    }
}
