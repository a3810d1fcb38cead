using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Bench.Infrastructure;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// The child side of <see cref="MemoryRun"/>: a process that does nothing but run the batch, so
    /// its peak working set (the kernel's high-water mark) and its allocations are the client's
    /// alone, untouched by the images being generated, the other scenarios, or the emulator.
    /// </summary>
    internal static class MemoryWorker
    {
        public const string Mode = "--memory-worker";

        /// <summary>Jobs the warm-up creates on the same emulator, before anything is measured.</summary>
        public const int WarmUpJobs = 2;

        /// <param name="throttle">The batch's -ThrottleLimit; null for the module's default (adaptive).</param>
        public static IEnumerable<string> Arguments(Uri endpoint, string images, string downloads, int? throttle, string result)
        {
            var arguments = new List<string> { Mode, "--endpoint", endpoint.AbsoluteUri, "--images", images, "--downloads", downloads, "--result", result };
            if (throttle.HasValue)
            {
                arguments.Add("--throttle");
                arguments.Add(throttle.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return arguments;
        }

        public static Task<int> RunAsync(CommandLine commandLine)
        {
            var endpoint = new Uri(commandLine.Require("--endpoint"));
            var images = Directory.GetFiles(commandLine.Require("--images"), "*.png").OrderBy(p => p, StringComparer.Ordinal).ToList();
            string downloads = commandLine.Require("--downloads");
            int? throttle = commandLine.Value("--throttle") is string text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
            var client = BenchClient.Create(endpoint);

            // Every code path once, on small stills, so JIT and first-use allocations are not counted.
            using (var warmImages = ImageSet.SmallPngs(WarmUpJobs))
            using (var warmOutput = new OutputFolder())
            {
                BatchPipeline.Run(client, warmImages.Paths, throttle, warmOutput.Path);
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var self = Process.GetCurrentProcess();
            long baseline = self.WorkingSet64;

            long before = GC.GetTotalAllocatedBytes(precise: true);
            long atSubmitEnd = 0;
            var outcome = BatchPipeline.Run(client, images, throttle, downloads, submitPhaseEnded: () => atSubmitEnd = GC.GetTotalAllocatedBytes(precise: true));
            long after = GC.GetTotalAllocatedBytes(precise: true);
            self.Refresh();

            var result = new MemoryWorkerResult(
                images.Count,
                images.Count == 0 ? 0 : images.Average(p => (double)new FileInfo(p).Length),
                atSubmitEnd - before,
                after - before,
                baseline,
                self.PeakWorkingSet64,
                outcome.Created,
                outcome.Succeeded,
                outcome.FilesSaved,
                outcome.SubmitPhase,
                outcome.Wall,
                GC.CollectionCount(2),
                outcome.Problems);
            File.WriteAllText(commandLine.Require("--result"), JsonSerializer.Serialize(result));
            // Problems travel in the result; a non-zero exit means the worker itself broke.
            return Task.FromResult(0);
        }
    }

    /// <summary>What the memory worker measured, handed back as JSON.</summary>
    internal sealed record MemoryWorkerResult(
        int Images,
        double MeanImageBytes,
        long AllocatedSubmitPhase,
        long AllocatedWholeRun,
        long BaselineWorkingSet,
        long PeakWorkingSet,
        int Created,
        int Succeeded,
        int FilesSaved,
        TimeSpan SubmitPhase,
        TimeSpan Wall,
        int Gen2Collections,
        IReadOnlyList<string> Problems);
}
