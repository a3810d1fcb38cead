using System;
using System.Diagnostics;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Reporting;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Scenario 3: the loop the API pages' samples show, one image at a time: create, query every
    /// second until the job ends, download, next. Each image costs about create + job length, so
    /// a thousand would take over an hour; a few are run and the time scaled linearly.
    /// </summary>
    internal sealed class SequentialRun : IScenario
    {
        private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

        public string Name => "sequential";

        public string Title => "3. Sequential loop (the API pages' samples)";

        public async Task<ScenarioReport> RunAsync(BenchContext context)
        {
            var settings = context.Settings;
            int n = settings.SequentialImages;
            int target = settings.LimitJobs;
            var report = new ScenarioReport(Title);
            report.Setup.Add($"For each image: SubmitAsync, then QueryAsync (RefreshAsync) every {Units.Seconds(PollEvery)} until the job ends, then DownloadAsync; then the next image.");
            report.Setup.Add($"Run on {n} images (distinct 64x64 PNGs), emulator in a child process: {EmulatorSettings.Standard.Describe()}.");
            report.Setup.Add($"Extrapolated linearly to {target} images (wall x {target} / {n}): every image costs the same, one after another.");

            using var emulator = EmulatorProcess.Start(EmulatorSettings.Standard);
            using var images = ImageSet.SmallPngs(n);
            using var output = new OutputFolder();
            var client = BenchClient.Create(emulator.BaseAddress);

            var wall = Stopwatch.StartNew();
            foreach (string image in images.Paths)
            {
                var job = await client.SubmitAsync(BenchClient.Prepare(client, image)).ConfigureAwait(false);
                do
                {
                    await Task.Delay(PollEvery).ConfigureAwait(false);
                    await client.RefreshAsync(job).ConfigureAwait(false);
                }
                while (!job.IsFinal);

                await client.DownloadAsync(job, output.Path).ConfigureAwait(false);
            }

            wall.Stop();
            var snapshot = emulator.Snapshot();
            var extrapolated = TimeSpan.FromTicks(wall.Elapsed.Ticks * target / n);
            Log.Line($"sequential: {n} images in {Units.Seconds(wall.Elapsed)}, {target} extrapolated to {Units.Duration(extrapolated)}");

            var table = new ReportTable(null, "Images run", "Wall", "Per image", $"Extrapolated to {target}", "Videos on disk", "Jobs created", "Queries per job");
            table.Add(
                n.ToString(),
                Units.Seconds(wall.Elapsed),
                Units.Seconds(wall.Elapsed / n),
                Units.Duration(extrapolated),
                output.CountVideos().ToString(),
                snapshot.JobsCreated.ToString(),
                Units.Number((double)snapshot.QueryRequests / Math.Max(1, snapshot.JobsCreated), "0.00"));
            report.Tables.Add(table);

            if (context.DefaultBatchWall is (int jobs, TimeSpan batchWall) && jobs == target)
            {
                var speedUp = new ReportTable($"Speed-up of the module's pipeline at default settings (scenario 1) over this loop, for {target} images:",
                    "Module wall (scenario 1)", "Sequential (extrapolated)", "Speed-up");
                speedUp.Add(Units.Seconds(batchWall), Units.Duration(extrapolated), Units.Number(extrapolated / batchWall, "0.0") + " x");
                report.Tables.Add(speedUp);
            }
            else
            {
                report.Notes.Add("Scenario 1 was not run, so there is no batch time to compare with.");
            }

            return report;
        }
    }
}
