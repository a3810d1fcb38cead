using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Runs every code path once before anything is measured (JIT, connection pool, child process
    /// start), and measures one output download: the "+ one download" of the ideal batch time.
    /// </summary>
    internal static class WarmUp
    {
        /// <summary>Timed downloads of one finished job; the median is the "one download" of the ideal.</summary>
        public const int Downloads = 5;

        public static async Task<TimeSpan> RunAsync()
        {
            using var emulator = EmulatorProcess.Start(EmulatorSettings.Standard);
            var client = BenchClient.Create(emulator.BaseAddress);
            using var images = ImageSet.SmallPngs(8);
            using var output = new OutputFolder();
            BatchPipeline.Run(client, images.Paths, 4, output.Path);

            // One finished job, downloaded several times over (overwriting); the median is kept.
            var job = await client.SubmitAsync(BenchClient.Prepare(client, images.Paths[0])).ConfigureAwait(false);
            while (!job.IsFinal)
            {
                await Task.Delay(250).ConfigureAwait(false);
                await client.RefreshAsync(job).ConfigureAwait(false);
            }

            var times = new List<TimeSpan>();
            for (int i = 0; i <= Downloads; i++)
            {
                var watch = Stopwatch.StartNew();
                await client.DownloadAsync(job, output.Path, overwrite: true).ConfigureAwait(false);
                if (i > 0)
                {
                    times.Add(watch.Elapsed);
                }
            }

            return Statistics.Median(times);
        }
    }
}
