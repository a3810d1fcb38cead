using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Reporting;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Scenario 4: memory with large images. The images are made here; the batch runs in a fresh
    /// child process (<see cref="MemoryWorker"/>) against an emulator in another, so the peak
    /// working set and the allocations are the client's alone.
    /// </summary>
    internal sealed class MemoryRun : IScenario
    {
        private const double MaxAllocationPerFileSize = 3.0;

        private const long MaxPeakWorkingSet = 400L * 1024 * 1024;

        /// <summary>The issue's ceiling for a big batch of small jobs.</summary>
        private const long MaxPeakWorkingSetManyJobs = 200L * 1024 * 1024;

        private static readonly TimeSpan WorkerTimeout = TimeSpan.FromMinutes(5);

        public string Name => "memory";

        public string Title => "6. Memory: large images, and a big batch";

        public Task<ScenarioReport> RunAsync(BenchContext context) => Task.FromResult(Run(context));

        private ScenarioReport Run(BenchContext context)
        {
            var settings = context.Settings;
            int n = settings.MemoryImages;
            int throttle = settings.TargetThrottle;
            var report = new ScenarioReport(Title);
            report.Setup.Add($"{n} distinct 1000x1000 PNGs of about {Units.MiB(settings.MemoryImageBytes)} (TestImages.PngOfSize, each padded differently), throttle {throttle}, default client settings, downloads on.");
            report.Setup.Add("The batch runs in a fresh child process (the bench in --memory-worker mode) after a two-image warm-up; the emulator runs in another child process (RecordCreateBodies = false).");
            report.Setup.Add("Allocation per image = GC.GetTotalAllocatedBytes(precise) over the submit phase (first input to last create landed) / images. Peak working set = Process.PeakWorkingSet64 of the worker (the kernel's high-water mark, VmHWM), over its whole life.");

            Log.Line($"memory: writing {n} images of {Units.MiB(settings.MemoryImageBytes)}");
            using var images = ImageSet.LargePngs(n, settings.MemoryImageBytes);
            using var emulator = EmulatorProcess.Start(EmulatorSettings.Standard);
            using var output = new OutputFolder();
            string resultPath = Path.Combine(Path.GetTempPath(), $"shortapi-bench-memory-{Guid.NewGuid():N}.json");

            Log.Line("memory: running the batch in a worker process");
            RunWorker(MemoryWorker.Arguments(emulator.BaseAddress, images.Directory, output.Path, throttle, resultPath));
            var result = JsonSerializer.Deserialize<MemoryWorkerResult>(File.ReadAllText(resultPath))
                ?? throw new InvalidOperationException("The memory worker wrote no result.");
            File.Delete(resultPath);
            var snapshot = emulator.Snapshot();

            double perImage = (double)result.AllocatedSubmitPhase / result.Images;
            double share = perImage / result.MeanImageBytes;
            Log.Line($"memory: {Units.Bytes(perImage)} allocated per image ({share:0.000} x file), peak working set {Units.MiB(result.PeakWorkingSet)}");

            var table = new ReportTable(null,
                "Images", "Mean file size", "Allocated, submit phase", "Per image", "Per image / file size", "Per image, whole run",
                "Working set before", "Peak working set", "Gen 2 GCs", "Submit phase", "Wall", "Videos on disk", "Jobs created");
            table.Add(
                result.Images.ToString(),
                Units.MiB(result.MeanImageBytes),
                Units.Bytes(result.AllocatedSubmitPhase),
                Units.Bytes(perImage),
                Units.Number(share, "0.000") + " x",
                Units.Bytes((double)result.AllocatedWholeRun / result.Images),
                Units.MiB(result.BaselineWorkingSet),
                Units.MiB(result.PeakWorkingSet),
                result.Gen2Collections.ToString(),
                Units.Seconds(result.SubmitPhase),
                Units.Seconds(result.Wall),
                output.CountVideos().ToString(),
                $"{snapshot.JobsCreated - MemoryWorker.WarmUpJobs} (+{MemoryWorker.WarmUpJobs} warm-up)");
            report.Tables.Add(table);

            report.Checks.Add(new TargetCheck(
                $"allocation per {Units.MiB(result.MeanImageBytes)} image, throttle {throttle}",
                $"{Units.Bytes(perImage)} ({share:0.000} x the file)",
                $"<= {MaxAllocationPerFileSize:0} x file size ({Units.MiB(MaxAllocationPerFileSize * result.MeanImageBytes)})",
                perImage <= MaxAllocationPerFileSize * result.MeanImageBytes));
            report.Checks.Add(new TargetCheck(
                $"peak working set, {n} images at throttle {throttle}",
                Units.MiB(result.PeakWorkingSet),
                $"< {Units.MiB(MaxPeakWorkingSet)}",
                result.PeakWorkingSet < MaxPeakWorkingSet));
            if (result.Problems.Count > 0 || result.Created != n)
            {
                report.Notes.Add($"The worker reported {result.Created} of {n} created and {result.Problems.Count} problem(s): {string.Join("; ", result.Problems)}");
            }

            AddManyJobs(report, settings);
            return report;
        }

        /// <summary>The peak working set of a batch of many small jobs at default settings: what stays per job while it is followed.</summary>
        private static void AddManyJobs(ScenarioReport report, BenchSettings settings)
        {
            int n = settings.LargeJobs;
            Log.Line($"memory: {n} small jobs in a worker process, default settings");
            using var images = ImageSet.SmallPngs(n);
            using var emulator = EmulatorProcess.Start(EmulatorSettings.Standard);
            using var output = new OutputFolder();
            string resultPath = Path.Combine(Path.GetTempPath(), $"shortapi-bench-memory-{Guid.NewGuid():N}.json");
            RunWorker(MemoryWorker.Arguments(emulator.BaseAddress, images.Directory, output.Path, null, resultPath));
            var result = JsonSerializer.Deserialize<MemoryWorkerResult>(File.ReadAllText(resultPath))
                ?? throw new InvalidOperationException("The memory worker wrote no result.");
            File.Delete(resultPath);
            Log.Line($"memory: peak working set {Units.MiB(result.PeakWorkingSet)} for {n} jobs");

            var table = new ReportTable($"{n} distinct 64x64 PNGs of 4 s jobs at default settings, downloads on, in the same kind of worker process ({EmulatorSettings.Standard.Describe()}):",
                "Jobs", "Working set before", "Peak working set", "Allocated per job, whole run", "Gen 2 GCs", "Wall", "Videos on disk", "Jobs created");
            table.Add(
                result.Images.ToString(),
                Units.MiB(result.BaselineWorkingSet),
                Units.MiB(result.PeakWorkingSet),
                Units.Bytes((double)result.AllocatedWholeRun / result.Images),
                result.Gen2Collections.ToString(),
                Units.Seconds(result.Wall),
                output.CountVideos().ToString(),
                result.Created.ToString());
            report.Tables.Add(table);
            report.Checks.Add(new TargetCheck(
                $"peak working set, {n} jobs at default settings",
                Units.MiB(result.PeakWorkingSet),
                $"< {Units.MiB(MaxPeakWorkingSetManyJobs)}",
                result.PeakWorkingSet < MaxPeakWorkingSetManyJobs));
        }

        private static void RunWorker(IEnumerable<string> arguments)
        {
            using var worker = Process.Start(SelfLauncher.StartInfo(arguments)) ?? throw new InvalidOperationException("The memory worker did not start.");
            if (!worker.WaitForExit(WorkerTimeout))
            {
                worker.Kill();
                throw new TimeoutException($"The memory worker did not finish within {WorkerTimeout.TotalMinutes:0} min.");
            }

            if (worker.ExitCode != 0)
            {
                throw new InvalidOperationException($"The memory worker exited with code {worker.ExitCode}.");
            }
        }
    }
}
