using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Journal;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    /// <summary>
    /// Eight threads at once, each with its own client (as ForEach-Object -Parallel runspaces
    /// would have), sharing one journal: the process shares connections and query budget, and
    /// the journal's claims keep every input to exactly one job.
    /// </summary>
    public sealed class ManyThreadsTests : IDisposable
    {
        private const int Threads = 8;
        private readonly EmulatorHarness _harness = new EmulatorHarness(o => { o.CreateLatency = TimeSpan.FromMilliseconds(20); o.JobDuration = TimeSpan.FromMilliseconds(400); });
        private readonly TempDirectory _temp = new TempDirectory();

        public void Dispose()
        {
            _harness.Dispose();
            _temp.Dispose();
        }

        private List<string> Images(int count) =>
            Enumerable.Range(0, count).Select(i => TestImages.WriteFile(_temp.Path, $"frame-{i:D3}.png", TestImages.Png(16, 16, i))).ToList();

        private ShortApiClient NewClient() => new ShortApiClient(_harness.Options);

        [Fact]
        public async Task Eight_threads_given_the_same_inputs_create_each_job_exactly_once()
        {
            var images = Images(40);
            string journalPath = _temp.Combine("shared.jsonl");
            var created = new ConcurrentBag<string>();
            var skipped = new ConcurrentBag<string>();

            // Every thread goes through all inputs, each in its own order: the worst case of overlapping workers.
            await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
            {
                var client = NewClient();
                var journal = JobJournal.Open(journalPath);
                foreach (string image in images.OrderBy(p => (p.GetHashCode() * (t + 1)) % 97))
                {
                    try
                    {
                        var job = await client.SubmitAsync(ResumableBatch.Prepare(client, image), journal);
                        created.Add(image);
                    }
                    catch (AlreadySubmittedException ex)
                    {
                        // Another thread of this process has it or made it: never an unknown outcome, which would push toward -Force.
                        Assert.NotEqual(ShortApiErrorReason.CreateOutcomeUnknown, ex.Reason);
                        Assert.Contains(ex.Lookup.Status, new[] { InputStatus.Submitted, InputStatus.InProgress });
                        skipped.Add(image);
                    }
                }
            })));

            Assert.Equal(images.Count, _harness.Emulator.Stats.JobsCreated);
            Assert.Equal(images.OrderBy(p => p), created.OrderBy(p => p));
            Assert.Equal(images.Count * (Threads - 1), skipped.Count);
            Assert.All(PromptCounts(), pair => Assert.Equal(1, pair.Value));
        }

        [Fact]
        public void Eight_threads_each_running_their_own_share_of_a_batch_account_for_every_input()
        {
            var images = Images(80);
            var files = new ConcurrentBag<string>();
            var outcomes = new ConcurrentBag<BatchOutcome>();

            // Each worker its own share, its own journal and client: the "Scaling out" recipe of the README.
            var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                var share = images.Where((_, i) => i % Threads == t).ToList();
                var journal = JobJournal.Open(_temp.Combine($"share-{t}.jsonl"));
                var outcome = new ResumableBatch(NewClient(), journal, _temp.Combine("out"), throttle: 4).Run(share);
                outcomes.Add(outcome);
                foreach (var file in outcome.Files)
                {
                    files.Add(file);
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());

            Assert.All(outcomes, o => Assert.Empty(o.Failures));
            Assert.Equal(images.Count, outcomes.Sum(o => o.Created));
            Assert.Equal(images.Count, files.Distinct().Count());
            Assert.Equal(images.Count, _harness.Emulator.Stats.JobsCreated);
        }

        private Dictionary<string, int> PromptCounts() =>
            _harness.Emulator.Jobs
                .GroupBy(j => JsonDocument.Parse(j.CreateBody!).RootElement.GetProperty("args").GetProperty("prompt").GetString()!)
                .ToDictionary(g => g.Key, g => g.Count());
    }
}
