using System;
using System.IO;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Reporting;
using ShortApi.Catalog;
using ShortApi.Jobs.Lengths;
using ShortApi.Jobs.Polling;
using ShortApi.Journal;
using ShortApi.TestSupport;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Scenario 4: ten-minute jobs, on a clock sped up 60 times that the client and an in-process
    /// emulator share (every time here is emulated time). The same batch three ways: with nothing
    /// known, with the journal of that first run (an earlier run's jobs), and with a catalog that
    /// gives the model a typical length. Each way gets a fresh clock, so a fresh process-wide
    /// store of lengths: only its own source teaches it.
    /// </summary>
    internal sealed class LongJobRun : IScenario
    {
        private const int MaxQueriesPerLongJob = 40;

        private static readonly TimeSpan MaxMedianLateness = TimeSpan.FromSeconds(10);

        public string Name => "long";

        public string Title => "4. Ten-minute jobs: queries per job and lateness";

        public Task<ScenarioReport> RunAsync(BenchContext context) => Task.FromResult(Run(context));

        private ScenarioReport Run(BenchContext context)
        {
            var settings = context.Settings;
            var length = settings.LongJobDuration;
            var emulatorSettings = EmulatorSettings.Standard with { JobDuration = length };
            var report = new ScenarioReport(Title);
            report.Setup.Add($"{settings.LongJobs} jobs of {Units.Duration(length)} through the pipeline at default settings, no downloads; emulator in-process, ScaledClock x{settings.ClockFactor:0} shared by client and emulator ({emulatorSettings.Describe()}; all times emulated).");
            report.Setup.Add("Three runs, each on a fresh clock (so a fresh process-wide store of learned lengths): 'nothing known'; 'journal' (a new batch whose wait is given the first run's journal, on the same endpoint: an earlier run's finished jobs); 'catalog prior' (the built-in catalog with vidu-q3 given typicalSeconds = 600).");
            report.Setup.Add($"Targets: the end seen within {Units.Seconds(MaxMedianLateness)} on median and p95 within max(1 s, 5 % of the length) = {Units.Duration(JobFigures.TargetFor(length))}; at most {MaxQueriesPerLongJob} queries per job.");

            var table = new ReportTable(null, "Known before the batch", "Jobs", "Queries per job (mean / max)", "Lateness (median / p95 / max)", "Real wall", "Problems");
            report.Tables.Add(table);
            string journalPath = Path.Combine(Path.GetTempPath(), $"shortapi-bench-long-{Guid.NewGuid():N}.jsonl");
            try
            {
                int port;
                {
                    var clock = new ScaledClock(settings.ClockFactor);
                    using var emulator = new InProcessEmulator(emulatorSettings, clock);
                    port = emulator.Port;
                    var journal = JobJournal.Open(journalPath, clock);
                    AddRun(report, table, "nothing", emulator, BenchClient.Create(emulator.BaseAddress, clock: clock), journal, 0, settings);
                }

                {
                    // The first run's endpoint again (the journal's jobs are on it), with a fresh clock and so nothing learned in-process.
                    var clock = new ScaledClock(settings.ClockFactor);
                    using var emulator = new InProcessEmulator(emulatorSettings, clock, port);
                    var journal = JobJournal.Open(journalPath, clock);
                    AddRun(report, table, "journal of the first run", emulator, BenchClient.Create(emulator.BaseAddress, clock: clock), journal, 10_000, settings);
                }

                {
                    var clock = new ScaledClock(settings.ClockFactor);
                    using var emulator = new InProcessEmulator(emulatorSettings, clock);
                    AddRun(report, table, "catalog prior (typicalSeconds 600)", emulator, BenchClient.Create(emulator.BaseAddress, clock: clock, catalog: WithPrior(length)), null, 20_000, settings);
                }
            }
            finally
            {
                File.Delete(journalPath);
            }

            report.Notes.Add($"With nothing known, no job of the batch can teach the others in time: all {settings.LongJobs} start within a few seconds of each other and end together. " +
                             $"While four or more jobs wait, the kind has one scout, asked every {PollPlanner.CloseScoutingShare:P2} of its age (at least every {Units.Duration(LengthEstimate.MinGap)}): some {ScoutQueries(length)} queries over {Units.Duration(length)}, more than the {MaxQueriesPerLongJob} allowed one job. " +
                             $"After each answer the scout's role passes to the least-asked job started within {PollPlanner.HandOffShare:P2} of the oldest's age (at least {Units.Duration(PollPlanner.HandOffFloor)}) of it, so those queries are shared by the batch, and the end is seen within about {PollPlanner.CloseScoutingShare + PollPlanner.HandOffShare:P1} of the length. " +
                             "The other jobs ask only at 1, 2, 4 and 8 minutes. A lone ten-minute job of unknown length cannot meet both targets: seeing its end within 5 % of its length means asking every 5 % of its age at least, " +
                             $"about ln(600 s / 0.75 s) / ln(1.05) = {Math.Log(600 / 0.75) / Math.Log(1.05):0} queries, against at most {MaxQueriesPerLongJob}; a batch shares them. " +
                             "Once the length is known, from an earlier run's journal or the catalog, nothing is scouted.");
            report.Notes.Add($"On the scaled clock 1 ms of real scheduling delay is {settings.ClockFactor:0} ms of emulated time, so lateness here carries the machine's noise magnified.");
            return report;
        }

        private static void AddRun(ScenarioReport report, ReportTable table, string known, IEmulatorHost emulator, ShortApiClient client, JobJournal? journal, int firstImage, BenchSettings settings)
        {
            Log.Line($"long: {settings.LongJobs} jobs of {Units.Duration(settings.LongJobDuration)}, known before: {known}");
            using var images = ImageSet.SmallPngs(settings.LongJobs, firstImage);
            var outcome = BatchPipeline.Run(client, images.Paths, null, downloadDirectory: null, journal: journal);
            var figures = JobFigures.Of(emulator.Snapshot().Jobs);
            Log.Line($"long: queries/job {figures.Queries}, lateness {figures.Lateness}");
            table.Add(known, figures.Jobs.ToString(), figures.Queries, figures.Lateness, Units.Seconds(outcome.Wall), outcome.Problems.Count == 0 ? "none" : $"{outcome.Problems.Count}: {outcome.Problems[0]}");
            report.Checks.Add(new TargetCheck(
                $"{Units.Duration(settings.LongJobDuration)} jobs, {known}: lateness median (p95)",
                $"{Units.Duration(figures.MedianLateness)} ({Units.Duration(figures.P95Lateness)})" + (figures.Undetected > 0 ? $", {figures.Undetected} never seen ended" : string.Empty),
                $"<= {Units.Seconds(MaxMedianLateness)} ({Units.Duration(figures.LatenessTarget)})",
                figures.Undetected == 0 && figures.MedianLateness <= MaxMedianLateness && figures.P95WithinTarget));
            report.Checks.Add(new TargetCheck(
                $"{Units.Duration(settings.LongJobDuration)} jobs, {known}: queries per job",
                $"max {figures.MaxQueries}, mean {Units.Number(figures.MeanQueries)}",
                $"<= {MaxQueriesPerLongJob} each",
                figures.MaxQueries <= MaxQueriesPerLongJob));
        }

        /// <summary>The built-in catalog with the bench's model given a typical length.</summary>
        private static ModelCatalog WithPrior(TimeSpan typical)
        {
            var model = ModelCatalog.BuiltIn.Find(BenchClient.Model) ?? throw new InvalidOperationException($"The catalog has no {BenchClient.Model}.");
            return ModelCatalog.BuiltIn.With(new[] { new ModelDefinition(model.Id, model.ShortName, model.Summary, model.Parameters, model.Rules, model.Pricing, typical) });
        }

        /// <summary>Queries the kind's scout asks over <paramref name="length"/>: every 0.25 s, or the close share of its age once that is longer.</summary>
        private static int ScoutQueries(TimeSpan length)
        {
            int queries = 0;
            for (double age = 0; age < length.TotalSeconds; queries++)
            {
                age += Math.Max(LengthEstimate.MinGap.TotalSeconds, age * PollPlanner.CloseScoutingShare);
            }

            return queries;
        }
    }
}
