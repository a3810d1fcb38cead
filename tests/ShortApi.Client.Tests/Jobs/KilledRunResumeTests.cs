using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace ShortApi.Client.Tests.Jobs
{
    /// <summary>
    /// A 100-image batch run by a separate process that is killed half-way (no Ctrl+C, no
    /// cleanup), then run again with the same journal.
    /// </summary>
    public sealed class KilledRunResumeTests : IDisposable
    {
        private const int Inputs = 100;
        private const int Throttle = 4;
        private const int OutputBytes = 3000;

        private readonly EmulatorHarness _harness = new EmulatorHarness(o =>
        {
            o.JobDuration = TimeSpan.FromMilliseconds(1500);
            o.CreateLatency = TimeSpan.FromMilliseconds(60);
            o.OutputBytes = OutputBytes;
        });

        private readonly TempDirectory _temp = new TempDirectory();
        private readonly List<string> _images;
        private readonly ITestOutputHelper _output;

        public KilledRunResumeTests(ITestOutputHelper output)
        {
            _output = output;
            Directory.CreateDirectory(InputFolder);
            _images = Enumerable.Range(0, Inputs)
                .Select(i => TestImages.WriteFile(InputFolder, $"still-{i:D3}.png", TestImages.Png(16, 16, i)))
                .ToList();
        }

        private string InputFolder => _temp.Combine("in");

        private string OutputFolder => _temp.Combine("out");

        private string JournalPath => _temp.Combine("batch.jsonl");

        public void Dispose()
        {
            _harness.Dispose();
            _temp.Dispose();
        }

        [Fact]
        public async Task Killed_while_submitting_the_rerun_creates_what_is_missing_and_never_pays_twice()
        {
            await RunAndKill(afterLine: line => line.StartsWith("created ", StringComparison.Ordinal), count: Inputs * 2 / 5);

            var rerun = await Task.Run(() => new ResumableBatch(_harness.Client, JobJournal.OpenIsolated(JournalPath), OutputFolder, Throttle).Run(_images));

            _output.WriteLine($"rerun: {rerun.Created} created, {rerun.AlreadyInJournal} from the journal, {rerun.Unknown.Count} of unknown outcome");

            // Creates in flight when the process died may or may not exist: reported, never resent blindly.
            Assert.InRange(rerun.Unknown.Count, 0, Throttle);
            Assert.Empty(rerun.Failures);
            Assert.All(CreatesPerPrompt(), pair => Assert.Equal(1, pair.Value));

            // The user settles those few by the service's own job list, as the error advises.
            await ResolveUnknownLikeAUser(rerun.Unknown);

            Assert.Equal(Inputs, _harness.Emulator.Stats.JobsCreated);
            Assert.All(CreatesPerPrompt(), pair => Assert.Equal(1, pair.Value));
            AssertEveryInputHasItsFile();
        }

        [Fact]
        public async Task Killed_while_waiting_the_rerun_waits_downloads_the_rest_and_creates_nothing()
        {
            await RunAndKill(afterLine: line => line.StartsWith("saved ", StringComparison.Ordinal), count: 10);
            long createdBeforeRerun = _harness.Emulator.Stats.JobsCreated;

            var rerun = await Task.Run(() => new ResumableBatch(_harness.Client, JobJournal.OpenIsolated(JournalPath), OutputFolder, Throttle).Run(_images));

            Assert.Equal(Inputs, createdBeforeRerun);
            Assert.Equal(0, rerun.Created);
            Assert.Equal(Inputs, rerun.AlreadyInJournal);
            Assert.Empty(rerun.Unknown);
            Assert.Equal(Inputs, _harness.Emulator.Stats.JobsCreated);
            AssertEveryInputHasItsFile();
        }

        /// <summary>Runs the batch in a child process and kills it (the whole tree, no warning) after <paramref name="count"/> matching lines.</summary>
        private async Task RunAndKill(Func<string, bool> afterLine, int count)
        {
            string runner = typeof(KilledRunResumeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BatchRunner").Value!;
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { runner, _harness.Emulator.BaseAddress.AbsoluteUri, EmulatorHarness.Key, JournalPath, InputFolder, OutputFolder, Throttle.ToString() })
            {
                start.ArgumentList.Add(argument);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            int seen = 0;
            string? line;
            var output = new List<string>();
            // Read without blocking a thread: the emulator answering the child lives in this process's thread pool.
            while (seen < count && (line = await process.StandardOutput.ReadLineAsync()) != null)
            {
                output.Add(line);
                if (afterLine(line))
                {
                    seen++;
                }
            }

            if (seen < count)
            {
                Assert.Fail("the runner ended before the kill point: " + string.Join(" | ", output.TakeLast(5)) + await process.StandardError.ReadToEndAsync());
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            _output.WriteLine($"killed after {watch.ElapsedMilliseconds} ms with {_harness.Emulator.Stats.JobsCreated} jobs created");
        }

        private Dictionary<string, int> CreatesPerPrompt() =>
            _harness.Emulator.Jobs
                .GroupBy(j => JsonDocument.Parse(j.CreateBody!).RootElement.GetProperty("args").GetProperty("prompt").GetString()!)
                .ToDictionary(g => g.Key, g => g.Count());

        /// <summary>
        /// What the advice tells a user to do with an input of unknown outcome: look it up in the
        /// service's job list; if it is there, fetch it by id; if not, submit it with force.
        /// </summary>
        private async Task ResolveUnknownLikeAUser(IEnumerable<string> unknown)
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            var jobs = new List<VideoJob>();
            foreach (string path in unknown)
            {
                string prompt = ResumableBatch.PromptFor(path);
                var existing = _harness.Emulator.Jobs.FirstOrDefault(j => JsonDocument.Parse(j.CreateBody!).RootElement.GetProperty("args").GetProperty("prompt").GetString() == prompt);
                jobs.Add(existing != null
                    ? new VideoJob(existing.Id, existing.Model, null, path, prompt, null, null, null, existing.CreatedAt, _harness.Emulator.BaseAddress.AbsoluteUri)
                    : await _harness.Client.SubmitAsync(ResumableBatch.Prepare(_harness.Client, path), journal, force: true));
            }

            await _harness.Client.WaitAllAsync(jobs, new WaitOptions { DownloadDirectory = OutputFolder, Journal = journal });
        }

        private void AssertEveryInputHasItsFile()
        {
            var files = Directory.GetFiles(OutputFolder, "*.mp4");
            Assert.Equal(Inputs, files.Length);
            Assert.All(files, f => Assert.Equal(OutputBytes, new FileInfo(f).Length));
            var stems = files.Select(f => Path.GetFileName(f).Substring(0, "still-000".Length)).Distinct().Count();
            Assert.Equal(Inputs, stems);
        }
    }
}
