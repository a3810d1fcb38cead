using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    public class BatchSubmitterTests
    {
        /// <summary>Feeds a batch the way the cmdlet does: start while there is room, take results when full.</summary>
        private static List<SubmissionResult> Run(BatchSubmitter batch, IEnumerable<PreparedJob> jobs)
        {
            var results = new List<SubmissionResult>();
            foreach (var job in jobs)
            {
                // Short waits, as the cmdlet's: a slot also frees when a Retry-After passes, with no result to say so.
                while (!batch.HasFreeSlot)
                {
                    if (batch.Results.TryTake(out var r, TimeSpan.FromMilliseconds(50), CancellationToken.None))
                    {
                        results.Add(r);
                    }
                }

                batch.Start(job);
            }

            batch.CompleteAdding();
            results.AddRange(batch.Results.TakeAll(CancellationToken.None));
            return results;
        }

        private static PreparedJob Job(EmulatorHarness harness, string image) =>
            harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl(image) });

        [Fact]
        public void An_explicit_throttle_limit_is_reached_and_never_exceeded()
        {
            using var harness = new EmulatorHarness(o => o.CreateLatency = TimeSpan.FromMilliseconds(150));
            using var batch = harness.Client.StartBatch(8);

            var results = Run(batch, Enumerable.Range(0, 40).Select(i => Job(harness, $"https://img.example/{i}.png")));

            Assert.Equal(40, results.Count(r => r.Succeeded));
            Assert.True(batch.IsThrottleLimitExplicit);
            Assert.Equal(8, batch.PeakInFlight);
            // The server saw them together too (nearly all, on a busy machine), and never more.
            Assert.InRange(harness.Emulator.Stats.PeakCreatesInFlight, 6, 8);
        }

        [Fact]
        public void Without_a_throttle_limit_a_batch_starts_with_a_few_creates_and_grows_within_the_default_ceiling()
        {
            using var harness = new EmulatorHarness(o => o.CreateLatency = TimeSpan.FromMilliseconds(100));
            using var batch = harness.Client.StartBatch();
            Assert.False(batch.IsThrottleLimitExplicit);
            Assert.Equal(CreateThrottle.StartLimit, batch.CurrentLimit);

            var results = Run(batch, Enumerable.Range(0, 80).Select(i => Job(harness, $"https://img.example/{i}.png")));

            Assert.Equal(80, results.Count(r => r.Succeeded));
            Assert.InRange(batch.PeakInFlight, CreateThrottle.StartLimit + 1, BatchSubmitter.DefaultThrottleLimit);
            Assert.InRange(harness.Emulator.Stats.PeakCreatesInFlight, 1, BatchSubmitter.DefaultThrottleLimit);
        }

        [Fact]
        public void Against_a_service_that_rate_limits_creates_no_create_is_lost_or_repeated()
        {
            using var harness = new EmulatorHarness(
                o =>
                {
                    o.CreateLatency = TimeSpan.FromMilliseconds(50);
                    o.CreateRateLimit = 10;
                },
                c => c.Retry = new ShortApi.Transport.RetryPolicy { MaxAttempts = 20, BaseDelay = TimeSpan.FromMilliseconds(10) });
            using var batch = harness.Client.StartBatch(16);

            var results = Run(batch, Enumerable.Range(0, 40).Select(i => Job(harness, $"https://img.example/{i}.png")));

            Assert.Equal(40, results.Count(r => r.Succeeded));
            Assert.Equal(40, results.Select(r => r.Created!.JobId).Distinct().Count());
            Assert.Equal(40, harness.Emulator.Stats.JobsCreated);
            Assert.True(harness.Emulator.Stats.CreatesRateLimited > 0);
            Assert.Equal(40 + harness.Emulator.Stats.CreatesRateLimited, harness.Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void One_failed_input_is_one_failed_result_and_the_rest_are_created()
        {
            using var harness = new EmulatorHarness();
            harness.Emulator.Faults.Enqueue(ShortApi.Emulator.Faults.EmulatorRoute.Create, ShortApi.Emulator.Faults.EmulatorFault.EnvelopeError(400, "image unreachable"));
            using var batch = harness.Client.StartBatch(1);

            var results = Run(batch, Enumerable.Range(0, 5).Select(i => Job(harness, $"https://img.example/{i}.png")));

            var failed = Assert.Single(results, r => !r.Succeeded);
            Assert.Equal("https://img.example/0.png", failed.Job.Source);
            Assert.Contains("image unreachable", failed.Error!.Message);
            Assert.Equal(4, results.Count(r => r.Succeeded));
            Assert.Equal(4, harness.Emulator.Stats.JobsCreated);
        }

        [Fact]
        public void Disposing_twice_is_harmless()
        {
            using var harness = new EmulatorHarness();
            var batch = harness.Client.StartBatch(2);
            var waiter = harness.Client.StartWait(new WaitOptions());

            batch.Dispose();
            batch.Dispose();
            waiter.Dispose();
            waiter.Dispose();
        }

        [Fact]
        public void Every_input_is_accounted_for_exactly_once_with_local_files()
        {
            using var harness = new EmulatorHarness();
            using var temp = new TempDirectory();
            var files = Enumerable.Range(0, 20).Select(i => TestImages.WriteFile(temp.Path, $"s{i}.png", TestImages.Png(64, 64, i))).ToList();
            using var batch = harness.Client.StartBatch(6);

            var results = Run(batch, files.Select(f => harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromFile(f) })));

            Assert.Equal(files.OrderBy(f => f), results.Select(r => r.Job.Source).OrderBy(f => f));
            Assert.Equal(20, harness.Emulator.Stats.JobsCreated);
            Assert.Equal(20, results.Select(r => r.Created!.JobId).Distinct().Count());
        }

        [Fact]
        public void A_refused_key_stops_the_batch_but_the_creates_already_sent_in_full_land_and_are_reported()
        {
            using var harness = new EmulatorHarness(o => o.CreateLatency = TimeSpan.FromMilliseconds(800));
            harness.Emulator.Faults.Enqueue(ShortApi.Emulator.Faults.EmulatorRoute.Create, ShortApi.Emulator.Faults.EmulatorFault.Status(401));
            using var batch = harness.Client.StartBatch(3);

            var results = Run(batch, Enumerable.Range(0, 3).Select(i => Job(harness, $"https://img.example/{i}.png")));

            Assert.NotNull(batch.StoppedBy);
            Assert.Equal(ShortApi.Errors.ShortApiErrorReason.AuthenticationFailed, batch.StoppedBy!.Reason);
            Assert.Equal(3, results.Count);
            Assert.Equal(harness.Emulator.Stats.JobsCreated, results.Count(r => r.Succeeded));
            Assert.DoesNotContain(results, r => r.Error is ShortApi.Errors.CreateOutcomeUnknownException);
        }
    }
}
