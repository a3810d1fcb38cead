using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Reporting;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Scenario 5: the client's CPU time per job for a small and a large batch. Per-job overhead
    /// that grows with the batch (a list scanned per job, say) shows as a rising figure. The
    /// emulator is in a child process, so the bench process's CPU time is the client's and the pipeline's.
    /// </summary>
    internal sealed class CpuRun : IScenario
    {
        /// <summary>The issue asks for "flat" without a number; this bench reads flat as within 25 %.</summary>
        private const double FlatTolerance = 1.25;

        public string Name => "cpu";

        public string Title => "7. Client CPU time per job";

        public Task<ScenarioReport> RunAsync(BenchContext context) => Task.FromResult(Run(context));

        private ScenarioReport Run(BenchContext context)
        {
            var settings = context.Settings;
            var sizes = settings.CpuBatches;
            int small = sizes.Min();
            int large = sizes.Max();
            var report = new ScenarioReport(Title);
            report.Setup.Add($"Batches of {string.Join(" and ", sizes)} distinct 64x64 PNGs through the full pipeline (submit, wait, download) at default settings, emulator in a child process: {EmulatorSettings.Standard.Describe()}.");
            report.Setup.Add($"CPU per job = Process.TotalProcessorTime of the bench process over the run / jobs. Each size is run {settings.CpuRepeats} time(s), the sizes taking turns so drift in the machine's load hits both alike, after one unmeasured run of the larger size (tiered JIT recompiles hot methods during the first runs in a process); the median is kept. A full GC precedes each run, so no earlier run's garbage is collected inside another's window.");
            report.Setup.Add($"'Flat' is read as: the per-job CPU of the larger batch at most {Units.Ratio(FlatTolerance)} that of the smaller (the issue gives no number).");

            using var images = ImageSet.SmallPngs(large);
            // The first runs in a process pay for tiered JIT (each hot method compiled again, optimised): one unmeasured run of the larger size absorbs it.
            Log.Line($"cpu: warm-up run of {large}");
            Measure(images.Paths);

            var runs = sizes.ToDictionary(s => s, _ => new List<CpuMeasurement>());
            for (int i = 0; i < settings.CpuRepeats; i++)
            {
                foreach (int size in sizes)
                {
                    Log.Line($"cpu: batch of {size}, run {i + 1} of {settings.CpuRepeats}");
                    var run = Measure(images.Paths.Take(size).ToList());
                    runs[size].Add(run);
                    Log.Line($"cpu: {CpuFigure(run.CpuPerJob)} per job, wall {Units.Seconds(run.Wall)}, {run.Videos} videos");
                }
            }

            var table = new ReportTable(null, "Batch", "Runs", "CPU per job (median)", "CPU per job (each run)", "CPU per run (median)", "Allocated per job (median)", "Wall (median)", "Videos on disk");
            report.Tables.Add(table);
            var medians = new Dictionary<int, TimeSpan>();
            foreach (int size in sizes)
            {
                var list = runs[size];
                medians[size] = Statistics.Median(list.Select(r => r.CpuPerJob));
                table.Add(
                    size.ToString(),
                    list.Count.ToString(),
                    CpuFigure(medians[size]),
                    string.Join(", ", list.Select(r => CpuFigure(r.CpuPerJob))),
                    Units.Seconds(medians[size] * size),
                    Units.Bytes(Statistics.Median(list.Select(r => r.AllocatedPerJob))),
                    Units.Seconds(Statistics.Median(list.Select(r => r.Wall))),
                    string.Join(", ", list.Select(r => r.Videos.ToString())));
            }

            double growth = medians[large] / medians[small];
            report.Checks.Add(new TargetCheck(
                $"CPU per job, batch of {large} vs {small}",
                $"{CpuFigure(medians[large])} vs {CpuFigure(medians[small])} ({Units.Ratio(growth)})",
                $"flat (<= {Units.Ratio(FlatTolerance)})",
                growth <= FlatTolerance));

            // Per-run CPU = fixed + jobs x marginal: two sizes give both, separating a run's fixed cost from what each job adds.
            var marginal = (medians[large] * large - medians[small] * small) / (large - small);
            var fixedCost = medians[small] * small - marginal * small;
            string fixedText = fixedCost > TimeSpan.Zero ? $"about {Units.Millis(fixedCost)} per run" : $"no measurable fixed cost per run ({Units.Millis(fixedCost)}: noise)";
            report.Notes.Add($"Splitting the medians into a fixed cost per run and a marginal cost per job (two sizes, two unknowns): {fixedText} plus {CpuFigure(marginal)} per job. " +
                             "A marginal cost that grew with the batch would show as the larger batch's per-job figure rising; a per-job figure that falls is the fixed cost being spread over more jobs.");
            return report;
        }

        private static string CpuFigure(TimeSpan perJob) => Units.Number(perJob.TotalMilliseconds, "0.00") + " ms";

        private static CpuMeasurement Measure(IReadOnlyList<string> images)
        {
            using var emulator = EmulatorProcess.Start(EmulatorSettings.Standard);
            using var output = new OutputFolder();
            var client = BenchClient.Create(emulator.BaseAddress);
            using var self = Process.GetCurrentProcess();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var outcome = BatchPipeline.Run(client, images, null, output.Path);
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            self.Refresh();
            var cpu = self.TotalProcessorTime - cpuBefore;

            return new CpuMeasurement(cpu / images.Count, (double)allocated / images.Count, outcome.Wall, output.CountVideos());
        }

        private sealed record CpuMeasurement(TimeSpan CpuPerJob, double AllocatedPerJob, TimeSpan Wall, int Videos);
    }
}
