using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Jobs.Lengths;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    /// <summary>
    /// The poll schedule learns job lengths, end to end against the emulator. Both sides share a
    /// clock five times faster than real, so 30 s jobs take 6 s; queries are counted by the emulator.
    /// A busy machine's stalls are magnified by the clock, so the checks compare jobs with each other.
    /// </summary>
    public class LearnedCadenceTests
    {
        private static readonly TimeSpan JobLength = TimeSpan.FromSeconds(30);

        private static EmulatorHarness Harness() =>
            new EmulatorHarness(o => o.JobDuration = JobLength, clock: new ScaledClock(5));

        private static async Task<List<VideoJob>> Submit(EmulatorHarness harness, int count, string tag)
        {
            var jobs = new List<VideoJob>();
            for (int i = 0; i < count; i++)
            {
                var request = new JobRequest("vidu-q3") { Prompt = $"{tag} {i}", Image = ImageInput.FromUrl($"https://img.example/{tag}-{i}.png") };
                jobs.Add(await harness.Client.SubmitAsync(harness.Client.Prepare(request)));
            }

            return jobs;
        }

        private static int QueriesOf(EmulatorHarness harness, VideoJob job) => harness.Emulator.Jobs.Single(j => j.Id == job.JobId).Queries;

        [Fact]
        public async Task After_jobs_of_a_kind_finished_a_new_one_is_first_asked_about_near_their_length()
        {
            using var harness = Harness();
            var first = await Submit(harness, 3, "first");
            await harness.Client.WaitAllAsync(first, new WaitOptions());

            var learned = JobLengths.For(harness.Client.Endpoint, harness.Options.Clock).Guess(LengthKey.Of(first[0])!);
            Assert.True(learned.IsLearned);
            Assert.InRange(learned.Aim!.Value, TimeSpan.FromSeconds(20), JobLength + TimeSpan.FromSeconds(1));

            var next = await Submit(harness, 1, "next");
            await harness.Client.WaitAllAsync(next, new WaitOptions());

            // With nothing known it would be asked first after 0.75 s; now it stays quiet until near the length.
            var emulated = harness.Emulator.Jobs.Single(j => j.Id == next[0].JobId);
            var quiet = emulated.FirstQueriedAt!.Value - emulated.CreatedAt;
            Assert.True(quiet >= learned.Aim.Value - TimeSpan.FromSeconds(1), $"first asked after {quiet.TotalSeconds:0.0} s; learned aim {learned.Aim.Value.TotalSeconds:0.0} s");
        }

        [Fact]
        public async Task While_the_length_is_unknown_the_asking_passes_round_the_jobs_instead_of_falling_on_one()
        {
            using var harness = Harness();
            var jobs = StartedTogether(await Submit(harness, 10, "batch"));

            var events = await harness.Client.WaitAllAsync(jobs, new WaitOptions());

            Assert.Equal(10, events.Count(e => e.Kind == WaitEventKind.Ended));
            var counts = jobs.Select(j => QueriesOf(harness, j)).OrderByDescending(q => q).ToList();
            string detail = $"queries per job: {string.Join(", ", counts)}";
            // One stream of queries for the kind (about 110 over 30 s, and one more each once its
            // length is learned), shared round the jobs: no job carries a quarter of it.
            Assert.True(counts.Sum() <= 160, detail);
            Assert.True(counts[0] * 4 <= counts.Sum(), detail);
        }

        /// <summary>
        /// The jobs as a wait would see them had they all been created at the same moment (the
        /// earliest's): which jobs share the scouting depends on when each started, and a busy
        /// machine's creates, magnified by the fast clock, must not decide that.
        /// </summary>
        private static List<VideoJob> StartedTogether(List<VideoJob> jobs)
        {
            var first = jobs.Min(j => j.SubmittedAt!.Value);
            return jobs.Select(j => new VideoJob(j.JobId, j.Model, j.ModelName, j.Source, j.Prompt, j.Arguments, j.Amount, j.EstimatedCost, first, j.Endpoint, j.InputKey)).ToList();
        }

        [Fact]
        public async Task With_a_catalog_prior_nobody_waits_on_the_scouts_so_they_keep_the_age_based_schedule()
        {
            var model = ShortApi.Catalog.ModelCatalog.BuiltIn.Find("vidu-q3")!;
            var withPrior = ShortApi.Catalog.ModelCatalog.BuiltIn.With(new[]
            {
                new ShortApi.Catalog.ModelDefinition(model.Id, model.ShortName, model.Summary, model.Parameters, model.Rules, model.Pricing, JobLength),
            });
            using var harness = new EmulatorHarness(o => o.JobDuration = JobLength, c => c.Catalog = withPrior, new ScaledClock(5));
            var jobs = await Submit(harness, 10, "prior");

            await harness.Client.WaitAllAsync(jobs, new WaitOptions());

            // Close scouting would ask a 30 s job some 80 times; the age-based schedule about 17.
            var counts = jobs.Select(j => QueriesOf(harness, j)).OrderByDescending(q => q).ToList();
            Assert.True(counts[0] <= 25, $"queries per job: {string.Join(", ", counts)}");
        }

        [Fact]
        public async Task A_fixed_poll_interval_neither_learns_nor_waits_for_scouts()
        {
            using var harness = Harness();
            var jobs = await Submit(harness, 6, "fixed");

            await harness.Client.WaitAllAsync(jobs, new WaitOptions { PollInterval = TimeSpan.FromSeconds(5) });

            // About every 5 s of a 30 s job; a busy machine can only make it fewer, never a learned quiet spell.
            Assert.All(jobs, j => Assert.InRange(QueriesOf(harness, j), 3, 8));
            Assert.Equal(LengthGuess.Nothing, JobLengths.For(harness.Client.Endpoint, harness.Options.Clock).Guess(LengthKey.Of(jobs[0])!));
        }
    }
}
