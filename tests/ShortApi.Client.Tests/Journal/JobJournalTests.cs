using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ShortApi.Emulator.Faults;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Journal
{
    public class JobJournalTests : IDisposable
    {
        private readonly EmulatorHarness _harness = new EmulatorHarness(o => o.JobDuration = TimeSpan.FromMilliseconds(100));
        private readonly TempDirectory _temp = new TempDirectory();

        public void Dispose()
        {
            _harness.Dispose();
            _temp.Dispose();
        }

        private string JournalPath => _temp.Combine("run.jsonl");

        private PreparedJob Prepare(int i) =>
            _harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "scene " + i, Image = ImageInput.FromUrl($"https://img.example/still-{i}.png") });

        [Fact]
        public async Task Replaying_the_journal_rebuilds_every_job_with_its_final_state_and_files()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            var jobs = new[] { await _harness.Client.SubmitAsync(Prepare(1), journal), await _harness.Client.SubmitAsync(Prepare(2), journal) };
            await _harness.Client.WaitAllAsync(jobs, new WaitOptions { Journal = journal, DownloadDirectory = _temp.Combine("out") });

            var replayed = JobJournal.OpenIsolated(JournalPath).Jobs;

            Assert.Equal(jobs.Select(j => j.JobId), replayed.Select(j => j.JobId));
            var first = replayed[0];
            Assert.Equal(JobStatus.Succeeded, first.Status);
            Assert.Equal("vidu/vidu-q3/image-to-video", first.Model);
            Assert.Equal("vidu-q3", first.ModelName);
            Assert.Equal("https://img.example/still-1.png", first.Source);
            Assert.Equal("scene 1", first.Prompt);
            Assert.Equal(0.60m, first.EstimatedCost);
            Assert.Equal(0.60m, first.Amount);
            Assert.Equal("pro", first.Arguments["mode"]);
            Assert.Equal(jobs[0].SubmittedAt, first.SubmittedAt);
            Assert.Equal(jobs[0].CompletedAt, first.CompletedAt);
            Assert.Equal(jobs[0].OutputUrls, first.OutputUrls);
            Assert.Equal(jobs[0].OutputFiles, first.OutputFiles);
            Assert.Equal(_harness.Emulator.BaseAddress.AbsoluteUri.TrimEnd('/'), first.Endpoint);
        }

        [Fact]
        public async Task A_torn_last_line_is_skipped_and_the_next_record_starts_on_a_line_of_its_own()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            await _harness.Client.SubmitAsync(Prepare(1), journal);
            File.AppendAllText(JournalPath, "{\"v\":1,\"type\":\"created\",\"jobId\":\"job_to");

            var afterCrash = JobJournal.OpenIsolated(JournalPath);
            Assert.Single(afterCrash.Jobs);
            Assert.Empty(afterCrash.TakeDamagedLines()); // a killed writer's torn line is not damage

            await _harness.Client.SubmitAsync(Prepare(2), afterCrash);

            var reread = JobJournal.OpenIsolated(JournalPath);
            Assert.Equal(2, reread.Jobs.Count);
            Assert.Empty(reread.TakeDamagedLines());
        }

        [Fact]
        public async Task A_rerun_after_a_killed_run_submits_only_the_missing_inputs()
        {
            var firstRun = JobJournal.OpenIsolated(JournalPath);
            for (int i = 0; i < 4; i++)
            {
                await _harness.Client.SubmitAsync(Prepare(i), firstRun);
            }

            // The process dies here; a new one opens the same journal and goes through all ten inputs.
            var secondRun = JobJournal.OpenIsolated(JournalPath);
            int skipped = 0;
            for (int i = 0; i < 10; i++)
            {
                var job = Prepare(i);
                if (!secondRun.Find(job.InputKey).IsFree)
                {
                    skipped++;
                    continue;
                }

                await _harness.Client.SubmitAsync(job, secondRun);
            }

            Assert.Equal(4, skipped);
            Assert.Equal(10, _harness.Emulator.Stats.JobsCreated);
            Assert.Equal(10, JobJournal.OpenIsolated(JournalPath).Jobs.Count);
        }

        [Fact]
        public async Task Submitting_an_input_the_journal_has_is_refused_and_names_the_job()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            var job = await _harness.Client.SubmitAsync(Prepare(1), journal);

            var error = await Assert.ThrowsAsync<AlreadySubmittedException>(() => _harness.Client.SubmitAsync(Prepare(1), JobJournal.OpenIsolated(JournalPath)));

            Assert.Equal(ShortApiErrorReason.AlreadySubmitted, error.Reason);
            Assert.Contains(job.JobId, error.Message);
            Assert.Equal(1, _harness.Emulator.Stats.JobsCreated);
        }

        [Fact]
        public async Task An_input_whose_create_outcome_is_unknown_is_not_sent_again_unless_forced()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Status(502, processFirst: true));
            await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() => _harness.Client.SubmitAsync(Prepare(1), journal));

            var rerun = JobJournal.OpenIsolated(JournalPath);
            var error = await Assert.ThrowsAsync<AlreadySubmittedException>(() => _harness.Client.SubmitAsync(Prepare(1), rerun));
            Assert.Equal(InputStatus.OutcomeUnknown, error.Lookup.Status);
            Assert.Contains("outcome is unknown", error.Message);
            Assert.Equal(1, _harness.Emulator.Stats.CreateRequests);

            await _harness.Client.SubmitAsync(Prepare(1), rerun, force: true);
            Assert.Equal(2, _harness.Emulator.Stats.JobsCreated);
        }

        [Fact]
        public async Task A_claim_held_by_a_live_run_blocks_a_second_submission_as_in_progress()
        {
            var live = JobJournal.OpenIsolated(JournalPath);
            var claim = live.TryClaim(Prepare(1));
            Assert.True(claim.ClaimedByCaller);

            var other = JobJournal.OpenIsolated(JournalPath);
            var error = await Assert.ThrowsAsync<AlreadySubmittedException>(() => _harness.Client.SubmitAsync(Prepare(1), other));

            Assert.Equal(InputStatus.InProgress, error.Lookup.Status);
            Assert.Equal(ShortApiErrorReason.AlreadySubmitted, error.Reason);
            Assert.Contains(Environment.MachineName, error.Message);
            Assert.Equal(0, _harness.Emulator.Stats.CreateRequests);
        }

        [Fact]
        public async Task A_refused_create_releases_the_input_for_the_next_run()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.EnvelopeError(400, "image unreachable"));
            await Assert.ThrowsAsync<ApiErrorException>(() => _harness.Client.SubmitAsync(Prepare(1), journal));

            var rerun = JobJournal.OpenIsolated(JournalPath);
            Assert.True(rerun.Find(Prepare(1).InputKey).IsFree);
            await _harness.Client.SubmitAsync(Prepare(1), rerun);
            Assert.Equal(1, _harness.Emulator.Stats.JobsCreated);
        }

        [Fact]
        public async Task The_journal_holds_local_images_by_path_never_their_content()
        {
            string image = TestImages.WriteFile(_temp.Path, "still.png", TestImages.Png(320, 200));
            var journal = JobJournal.OpenIsolated(JournalPath);

            await _harness.Client.SubmitAsync(_harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromFile(image) }), journal);

            string text = File.ReadAllText(JournalPath, Encoding.UTF8);
            Assert.Contains("<base64 of " + image.Replace("\\", "\\\\") + ">", text);
            Assert.DoesNotContain(Convert.ToBase64String(File.ReadAllBytes(image)).Substring(0, 40), text);
        }

        [Fact]
        public void An_input_claimed_once_is_not_claimed_again_by_the_same_journal()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);

            var first = journal.TryClaim(Prepare(1));
            var second = journal.TryClaim(Prepare(1));

            Assert.True(first.ClaimedByCaller);
            Assert.False(second.ClaimedByCaller);
            Assert.Equal(InputStatus.InProgress, second.Status);
        }

        [Fact]
        public async Task Writers_on_many_threads_interleave_whole_lines_only()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            var other = JobJournal.OpenIsolated(JournalPath);
            var jobs = Enumerable.Range(0, 40).Select(Prepare).ToList();

            await Task.WhenAll(jobs.Select((job, i) => Task.Run(() => _harness.Client.SubmitAsync(job, i % 2 == 0 ? journal : other))));

            var reread = JobJournal.OpenIsolated(JournalPath);
            Assert.Equal(40, reread.Jobs.Count);
            Assert.Empty(reread.TakeDamagedLines());
        }

        [Fact]
        public async Task A_final_state_is_written_once_however_often_it_is_recorded()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            var job = await _harness.Client.SubmitAsync(Prepare(1), journal);
            await _harness.Client.WaitAllAsync(new[] { job }, new WaitOptions { Journal = journal });

            journal.RecordFinal(job);
            JobJournal.OpenIsolated(JournalPath).RecordFinal(job);

            Assert.Single(File.ReadAllLines(JournalPath), line => line.Contains("\"type\":\"final\""));
        }

        [Fact]
        public async Task Damaged_lines_are_reported_once_with_their_line_numbers()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            await _harness.Client.SubmitAsync(Prepare(1), journal);
            File.AppendAllText(JournalPath, "not json at all\n{\"v\":1,\"type\":\"created\",\"jobId\":42}\n");
            await _harness.Client.SubmitAsync(Prepare(2), journal);

            var reader = JobJournal.OpenIsolated(JournalPath);
            var damaged = reader.TakeDamagedLines();

            Assert.Equal(2, reader.Jobs.Count);
            Assert.Equal(new[] { 4, 5 }, damaged); // after the claim, sent and created lines of the first job
            Assert.Empty(reader.TakeDamagedLines());
        }

        [Fact]
        public async Task A_create_stopped_before_its_request_went_out_in_full_frees_the_input_for_the_next_run()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            string big = TestImages.WriteFile(_temp.Path, "big.png", TestImages.PngOfSize(64, 64, 24 * 1024 * 1024));
            var job = _harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromFile(big) });
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.StallBeforeBody(TimeSpan.FromSeconds(20)));
            using var stop = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(1));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _harness.Client.SubmitAsync(job, journal, cancellationToken: stop.Token));

            Assert.True(JobJournal.OpenIsolated(JournalPath).Find(job.InputKey).IsFree);
        }

        [Fact]
        public async Task A_create_stopped_after_its_request_went_out_in_full_is_an_unknown_outcome_in_the_journal()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);
            var job = Prepare(1);
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Stall(TimeSpan.FromSeconds(20)));
            using var stop = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(1));

            var error = await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() => _harness.Client.SubmitAsync(job, journal, cancellationToken: stop.Token));

            Assert.Contains("may have been charged", error.Message);
            Assert.Equal(InputStatus.OutcomeUnknown, JobJournal.OpenIsolated(JournalPath).Find(job.InputKey).Status);
        }
    }
}
