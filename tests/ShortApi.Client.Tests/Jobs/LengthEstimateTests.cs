using System;
using System.Collections.Generic;
using System.IO;
using ShortApi.Catalog;
using ShortApi.Jobs;
using ShortApi.Jobs.Lengths;
using ShortApi.Journal;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    public class LengthEstimateTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

        private static VideoJob Job(string id, string prompt, string image, object duration, DateTimeOffset? submitted = null, string endpoint = "http://127.0.0.1:1") =>
            new VideoJob(
                id,
                "vidu/vidu-q3/image-to-video",
                "vidu-q3",
                image,
                prompt,
                new JobArguments(new Dictionary<string, object?> { ["mode"] = "pro", ["prompt"] = prompt, ["image"] = image, ["duration"] = duration }),
                null,
                null,
                submitted ?? T0,
                endpoint);

        [Fact]
        public void Jobs_of_one_model_and_settings_are_one_kind_whatever_their_prompt_and_image()
        {
            var a = LengthKey.Of(Job("1", "a cat", "https://img.example/a.png", "5"));
            var b = LengthKey.Of(Job("2", "a long drive at dusk", "<base64 of /stills/b.png>", "5"));
            var longer = LengthKey.Of(Job("3", "a cat", "https://img.example/a.png", "10"));

            Assert.Equal(a, b);
            Assert.NotEqual(a, longer);
        }

        [Fact]
        public void The_first_finished_job_sets_the_aim_from_when_it_was_last_seen_running()
        {
            var estimate = new LengthEstimate();

            estimate.Observe(new LengthObservation(S(3.6), S(4.1), null, T0));

            Assert.Equal(new LengthGuess(S(3.6), true), estimate.Guess);
        }

        [Fact]
        public void A_job_still_running_at_the_aim_moves_it_up_and_one_already_ended_moves_it_down()
        {
            var estimate = new LengthEstimate();
            estimate.Observe(new LengthObservation(S(3.0), S(3.2), null, T0));
            var gap = LengthEstimate.Gap(S(3));

            estimate.Observe(new LengthObservation(S(3.2), S(3.6), true, T0 + S(10)));
            var afterRunning = estimate.Guess.Aim!.Value;
            estimate.Observe(new LengthObservation(null, afterRunning, false, T0 + S(20)));
            var afterEnded = estimate.Guess.Aim!.Value;

            Assert.True(afterRunning > S(3.0));
            Assert.True(afterEnded < afterRunning);
            Assert.True(afterRunning - S(3.0) > afterRunning - afterEnded, "up by most of a gap, down by a little");
            Assert.True(afterRunning - S(3.0) <= gap);
        }

        [Fact]
        public void Many_jobs_ending_together_move_the_aim_about_once_and_never_past_their_own_ends()
        {
            var estimate = new LengthEstimate();
            estimate.Observe(new LengthObservation(S(3.6), S(3.9), null, T0));

            // A hundred jobs asked at 3.6 s were all still running, and all ended by 4.0 s, within the same moment.
            for (int i = 0; i < 100; i++)
            {
                estimate.Observe(new LengthObservation(S(3.7), S(4.0), true, T0 + S(5)));
            }

            Assert.InRange(estimate.Guess.Aim!.Value, S(3.6), S(4.0));
        }

        [Fact]
        public void Lengths_from_a_journal_give_an_aim_below_their_low_tenth()
        {
            var estimate = new LengthEstimate();
            var lengths = new List<TimeSpan>();
            for (int i = 0; i < 20; i++)
            {
                lengths.Add(S(600 + i));
            }

            estimate.Seed(lengths);

            var aim = estimate.Guess.Aim!.Value;
            Assert.True(estimate.Guess.IsLearned);
            Assert.InRange(aim, S(540), S(601));
        }

        [Fact]
        public void A_catalog_prior_is_a_guess_until_a_job_of_the_kind_has_finished()
        {
            var estimate = new LengthEstimate();
            estimate.SetPrior(S(100));

            Assert.Equal(new LengthGuess(S(100 * LengthEstimate.PriorShare), false), estimate.Guess);

            estimate.Observe(new LengthObservation(S(40), S(41), null, T0));

            Assert.Equal(new LengthGuess(S(40), true), estimate.Guess);
        }

        [Fact]
        public void The_finished_successes_of_a_journal_on_the_same_endpoint_teach_their_kind_once()
        {
            using var temp = new TempDirectory();
            var journal = JobJournal.Open(Path.Combine(temp.Path, "runs.jsonl"));
            const string endpoint = "http://127.0.0.1:5000";
            for (int i = 0; i < 10; i++)
            {
                var job = Job($"job_{i}", "p" + i, $"https://img.example/{i}.png", "5", T0, endpoint);
                journal.RecordCreated(job);
                job.Apply(new JobState(job.JobId, JobStatus.Succeeded, 2, new[] { "https://cdn.example/v.mp4" }, null, false, T0 + S(60 + i)));
                journal.RecordFinal(job);
            }

            var elsewhere = Job("job_other", "p", "https://img.example/o.png", "10", T0, "http://127.0.0.1:6000");
            journal.RecordCreated(elsewhere);
            elsewhere.Apply(new JobState(elsewhere.JobId, JobStatus.Succeeded, 2, new[] { "https://cdn.example/o.mp4" }, null, false, T0 + S(5)));
            journal.RecordFinal(elsewhere);

            var lengths = new JobLengths();
            lengths.SeedOnce(journal, endpoint + "/");

            var guess = lengths.Guess(LengthKey.Of(Job("new", "q", "https://img.example/new.png", "5"))!);
            Assert.True(guess.IsLearned);
            Assert.InRange(guess.Aim!.Value, S(54), S(61));
            Assert.Equal(LengthGuess.Nothing, lengths.Guess(LengthKey.Of(elsewhere)!));
        }

        [Fact]
        public void A_model_with_typical_seconds_in_a_user_catalog_gives_its_jobs_a_prior()
        {
            using var temp = new TempDirectory();
            string file = Path.Combine(temp.Path, "catalog.json");
            File.WriteAllText(file, """
                { "models": [ { "id": "acme/slowmo/image-to-video", "shortName": "slowmo", "typicalSeconds": 240,
                                "parameters": [ { "name": "prompt", "type": "string", "required": true }, { "name": "image", "type": "imageUrl", "required": true } ] } ] }
                """);
            var catalog = ModelCatalog.Load(new[] { file });
            var job = new VideoJob("job_1", "acme/slowmo/image-to-video", "slowmo", "https://img.example/a.png", "x", null, null, null, T0, "http://127.0.0.1:1");
            var lengths = new JobLengths();
            string key = LengthKey.Of(job)!;

            new LengthSources(lengths, catalog, new Uri("http://127.0.0.1:1/")).Consider(job, key, null);

            Assert.Equal(TimeSpan.FromSeconds(240), catalog.Find("slowmo")!.TypicalLength);
            Assert.Equal(new LengthGuess(S(240 * LengthEstimate.PriorShare), false), lengths.Guess(key));
        }

        [Fact]
        public void A_catalog_typical_length_that_is_not_positive_is_refused()
        {
            using var temp = new TempDirectory();
            string file = Path.Combine(temp.Path, "catalog.json");
            File.WriteAllText(file, """
                { "models": [ { "id": "acme/instant/image-to-video", "typicalSeconds": 0, "parameters": [] } ] }
                """);

            var error = Assert.Throws<ShortApi.Errors.ShortApiException>(() => ModelCatalog.Load(new[] { file }));

            Assert.Contains("typicalSeconds", error.Message);
        }
    }
}
