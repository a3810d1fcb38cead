using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Runs every code path before anything is measured (JIT, connection pool, child process
    /// start), and measures one output download: the "+ one download" of the limit.
    /// </summary>
    internal static class WarmUp
    {
        /// <summary>Timed downloads of one finished job; the median is the "one download" of the ideal.</summary>
        public const int Downloads = 5;

        /// <summary>Short jobs run through the pipeline first, so the measured runs find its hot paths already compiled at full optimisation.</summary>
        public const int PipelineJobs = 300;

        public static async Task<TimeSpan> RunAsync()
        {
            // Tiered JIT compiles each hot method twice, the second time after it has run a while:
            // a few hundred short jobs take the pipeline there, so the first measured run is not the one paying for it.
            using (var quick = EmulatorProcess.Start(EmulatorSettings.Standard with { JobDuration = TimeSpan.FromMilliseconds(500) }))
            using (var many = ImageSet.SmallPngs(PipelineJobs, 50_000))
            using (var manyOutput = new OutputFolder())
            {
                BatchPipeline.Run(BenchClient.Create(quick.BaseAddress), many.Paths, null, manyOutput.Path);
            }

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
