using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Reporting;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Scenario 2: the script a competent user writes without the module (bench/ForEachParallel.ps1:
    /// ForEach-Object -Parallel -ThrottleLimit 16 around Invoke-RestMethod, a query every second,
    /// Invoke-WebRequest for the video), run in the repository's pinned PowerShell against the same
    /// emulator settings, beside the module's pipeline at default settings, in the same run.
    /// </summary>
    internal sealed class ParallelScriptRun : IScenario
    {
        private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(15);

        public string Name => "parallel";

        public string Title => "2. The script a user would write: ForEach-Object -Parallel around Invoke-RestMethod";

        public async Task<ScenarioReport> RunAsync(BenchContext context)
        {
            var settings = context.Settings;
            var report = new ScenarioReport(Title);
            string script = Path.Combine(settings.RepositoryDirectory, "bench", "ForEachParallel.ps1");
            report.Setup.Add($"The script: bench/ForEachParallel.ps1. Per image, in up to 16 runspaces: Invoke-RestMethod create (raw base64 image), then Start-Sleep 1 and Invoke-RestMethod query until the job ends, then Invoke-WebRequest the video. It times itself (PowerShell's start-up is left out) and prints one JSON line.");
            report.Setup.Add($"Against a fresh emulator in a child process per run ({EmulatorSettings.Standard.Describe()}), the same distinct 64x64 PNGs for both; the module's side is the scenario 1 pipeline at default settings, on its own fresh emulator.");

            var (runner, problem) = PowerShellRunner.Find(settings.RepositoryDirectory);
            if (runner == null)
            {
                report.Notes.Add($"**Not run:** {problem}");
                return report;
            }

            report.Setup.Add($"PowerShell {runner.Version}, started as `dotnet pwsh` from the repository's tool manifest.");
            var table = new ReportTable(null,
                "Images", "Script: wall (in script)", "Script: wall with PowerShell start", "Script: videos", "Script: queries per job",
                "Module: wall", "Module: videos", "Script / module (in-script wall)");
            report.Tables.Add(table);

            foreach (int n in settings.ParallelSizes)
            {
                using var images = ImageSet.SmallPngs(n);
                Log.Line($"parallel: ForEach-Object -Parallel script, {n} images");
                var scripted = await RunScriptAsync(runner, script, images).ConfigureAwait(false);
                var ours = context.DefaultBatchWall is (int jobs, TimeSpan wall) && jobs == n
                    ? (Wall: wall, Videos: n, Reused: true)
                    : MeasureModule(images);
                Log.Line($"parallel: script {Units.Seconds(scripted.InScript)} ({scripted.Saved} saved), module {Units.Seconds(ours.Wall)}");
                table.Add(
                    n.ToString("N0"),
                    Units.Seconds(scripted.InScript),
                    Units.Seconds(scripted.Process),
                    scripted.Saved.ToString() + (scripted.Failed > 0 ? $" ({scripted.Failed} failed)" : string.Empty),
                    Units.Number(scripted.QueriesPerJob, "0.00"),
                    Units.Seconds(ours.Wall) + (ours.Reused ? " (scenario 1)" : string.Empty),
                    ours.Videos.ToString(),
                    Units.Ratio(scripted.InScript / ours.Wall));
            }

            report.Notes.Add("The script keeps 16 jobs in flight from create to download, so each runspace waits out its job's whole length before taking the next image: about ceil(N / 16) x (create + job length rounded up to the next whole second of polling + download). The module keeps creating while earlier jobs run, so its time is close to ceil(N / 16) x create latency + one job length.");
            return report;
        }

        private static async Task<ScriptOutcome> RunScriptAsync(PowerShellRunner runner, string script, ImageSet images)
        {
            using var emulator = EmulatorProcess.Start(EmulatorSettings.Standard);
            using var output = new OutputFolder();
            var result = await runner.RunScriptAsync(
                script,
                new[] { "-Endpoint", emulator.BaseAddress.AbsoluteUri, "-ApiKey", EmulatorSettings.ApiKey, "-Images", images.Directory, "-OutputDirectory", output.Path },
                ScriptTimeout).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"The script failed (exit code {result.ExitCode}): {result.Error.Trim()}");
            }

            string line = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var snapshot = emulator.Snapshot();
            return new ScriptOutcome(
                TimeSpan.FromSeconds(root.GetProperty("seconds").GetDouble()),
                result.Wall,
                output.CountVideos(),
                root.GetProperty("failed").GetInt32(),
                (double)snapshot.QueryRequests / Math.Max(1, snapshot.JobsCreated));
        }

        private static (TimeSpan Wall, int Videos, bool Reused) MeasureModule(ImageSet images)
        {
            using var emulator = EmulatorProcess.Start(EmulatorSettings.Standard);
            using var output = new OutputFolder();
            var outcome = BatchPipeline.Run(BenchClient.Create(emulator.BaseAddress), images.Paths, null, output.Path);
            return (outcome.Wall, output.CountVideos(), false);
        }

        private sealed record ScriptOutcome(TimeSpan InScript, TimeSpan Process, int Saved, int Failed, double QueriesPerJob);
    }
}
