using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Emulator.Faults;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    /// <summary>
    /// Every job given to a wait ends as exactly one report, whatever the service does: each way a
    /// query or a download can end, including the misbehaviours an attack found. Nothing vanishes,
    /// nothing half-written stays, and nothing the service says leaks the key.
    /// </summary>
    public class EveryJobEndsTests : IDisposable
    {
        private readonly EmulatorHarness _harness = new EmulatorHarness(
            o => { o.JobDuration = TimeSpan.FromMilliseconds(50); o.OutputBytes = 20000; },
            o => { o.DownloadStallTimeout = TimeSpan.FromSeconds(1); });

        private readonly TempDirectory _temp = new TempDirectory();

        public void Dispose()
        {
            _harness.Dispose();
            _temp.Dispose();
        }

        private async Task<VideoJob> Created(string image = "https://img.example/beach.png") =>
            await _harness.Client.SubmitAsync(_harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl(image) }));

        private async Task<WaitEvent> TheOnlyReport(VideoJob job, WaitOptions options)
        {
            var events = await _harness.Client.WaitAllAsync(new[] { job }, options);
            var report = Assert.Single(events);
            Assert.Same(job, report.Job);
            return report;
        }

        private WaitOptions Downloading(TimeSpan? timeout = null) => new WaitOptions { DownloadDirectory = _temp.Path, Timeout = timeout };

        private void AssertNoFileLeft() => Assert.Empty(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));

        [Fact]
        public async Task A_job_that_succeeds_ends_with_its_file()
        {
            var report = await TheOnlyReport(await Created(), Downloading());

            Assert.Equal(WaitEventKind.Ended, report.Kind);
            Assert.Null(report.Error);
            Assert.Equal(20000, new FileInfo(Assert.Single(report.Files).Path).Length);
        }

        [Fact]
        public async Task A_job_that_fails_ends_with_its_reason()
        {
            var job = await Created();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.AnswerStatus(3, "content policy"));

            var report = await TheOnlyReport(job, new WaitOptions());

            Assert.Equal(ShortApiErrorReason.JobFailed, report.Error!.Reason);
            Assert.Contains("content policy", report.Error.Message);
        }

        [Fact]
        public async Task A_job_the_service_does_not_know_ends_as_JobNotFound()
        {
            var job = _harness.Client.JobFromId("job_nobody_made");

            var report = await TheOnlyReport(job, new WaitOptions());

            Assert.Equal(WaitEventKind.Failed, report.Kind);
            Assert.Equal(ShortApiErrorReason.JobNotFound, report.Error!.Reason);
        }

        [Fact]
        public async Task A_job_the_service_keeps_answering_with_an_unknown_status_ends_instead_of_being_asked_forever()
        {
            var job = await Created();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, Enumerable.Repeat(EmulatorFault.AnswerStatus(-7), 10).ToArray());

            var report = await TheOnlyReport(job, new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(20) });

            Assert.Equal(WaitEventKind.Failed, report.Kind);
            Assert.Equal(ShortApiErrorReason.UnexpectedResponse, report.Error!.Reason);
        }

        [Fact]
        public async Task A_job_still_running_at_the_deadline_ends_as_timed_out()
        {
            var job = await Created();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, Enumerable.Repeat(EmulatorFault.AnswerStatus(1), 200).ToArray());

            var report = await TheOnlyReport(job, new WaitOptions { Timeout = TimeSpan.FromMilliseconds(600), PollInterval = TimeSpan.FromMilliseconds(50) });

            Assert.Equal(WaitEventKind.TimedOut, report.Kind);
            Assert.Equal(ShortApiErrorReason.Timeout, report.Error!.Reason);
        }

        [Fact]
        public async Task A_download_redirected_to_a_file_url_ends_as_that_jobs_error_with_no_file()
        {
            var job = await Created();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Download, EmulatorFault.Redirect("file:///etc/passwd"));

            var report = await TheOnlyReport(job, Downloading());

            Assert.Equal(ShortApiErrorReason.DownloadFailed, report.Error!.Reason);
            Assert.Contains("cannot fetch", report.Error.Message);
            AssertNoFileLeft();
        }

        [Fact]
        public async Task An_output_url_that_is_not_http_ends_as_that_jobs_error()
        {
            var job = await Created();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.AnswerOutputUrl("file:///etc/passwd"));

            var report = await TheOnlyReport(job, Downloading());

            Assert.Equal(ShortApiErrorReason.DownloadFailed, report.Error!.Reason);
            Assert.Contains("not an http(s) URL", report.Error.Message);
            AssertNoFileLeft();
        }

        [Fact]
        public async Task An_empty_download_is_refused_not_saved_as_a_video()
        {
            var job = await Created();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Download, EmulatorFault.EmptyBody());

            var report = await TheOnlyReport(job, Downloading());

            Assert.Equal(ShortApiErrorReason.DownloadFailed, report.Error!.Reason);
            Assert.Contains("empty (0-byte)", report.Error.Message);
            AssertNoFileLeft();
        }

        [Fact]
        public async Task A_download_that_trickles_is_a_stall_and_its_partial_file_is_removed()
        {
            var job = await Created();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Download, EmulatorFault.Trickle(TimeSpan.FromMilliseconds(200)));

            var report = await TheOnlyReport(job, Downloading());

            Assert.Equal(ShortApiErrorReason.DownloadFailed, report.Error!.Reason);
            Assert.Contains("stalled", report.Error.Message);
            AssertNoFileLeft();
        }

        [Fact]
        public async Task A_download_that_never_ends_stops_at_the_size_cap_and_its_partial_file_is_removed()
        {
            using var capped = new EmulatorHarness(o => o.JobDuration = TimeSpan.FromMilliseconds(50), o => o.MaxOutputBytes = 2 * 1024 * 1024);
            var job = await capped.Client.SubmitAsync(capped.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") }));
            capped.Emulator.Faults.Enqueue(EmulatorRoute.Download, EmulatorFault.EndlessBody());

            var report = Assert.Single(await capped.Client.WaitAllAsync(new[] { job }, Downloading()));

            Assert.Equal(ShortApiErrorReason.DownloadFailed, report.Error!.Reason);
            Assert.Contains("bytes allowed", report.Error.Message);
            AssertNoFileLeft();
        }

        [Fact]
        public async Task A_download_still_running_at_the_deadline_ends_as_timed_out_and_leaves_nothing()
        {
            var job = await Created();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Download, EmulatorFault.EndlessBody());

            var report = await TheOnlyReport(job, Downloading(TimeSpan.FromSeconds(2)));

            Assert.Equal(ShortApiErrorReason.Timeout, report.Error!.Reason);
            AssertNoFileLeft();
        }

        [Fact]
        public async Task A_download_that_keeps_being_cut_short_fails_after_its_retries_with_no_file()
        {
            var job = await Created();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Download, Enumerable.Repeat(EmulatorFault.Truncate(), 10).ToArray());

            var report = await TheOnlyReport(job, Downloading());

            Assert.Equal(ShortApiErrorReason.DownloadFailed, report.Error!.Reason);
            AssertNoFileLeft();
        }

        [Fact]
        public async Task A_failed_jobs_error_that_echoes_the_key_is_redacted_in_the_report_and_the_journal()
        {
            string journalPath = _temp.Combine("run.jsonl");
            var journal = JobJournal.OpenIsolated(journalPath);
            var job = await _harness.Client.SubmitAsync(_harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") }), journal);
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.EchoAuthorization());

            var report = await TheOnlyReport(job, new WaitOptions { Journal = journal });

            Assert.Contains("Authorization", report.Error!.Message);
            Assert.DoesNotContain(EmulatorHarness.Key, report.Error.Message);
            Assert.DoesNotContain(EmulatorHarness.Key, job.Error);
            Assert.DoesNotContain(EmulatorHarness.Key, File.ReadAllText(journalPath));
        }

        [Fact]
        public async Task A_create_answered_with_an_absurd_job_id_is_an_unknown_outcome_that_does_not_echo_the_id()
        {
            string absurd = "job_" + new string('x', 200_000);
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.AnswerJobId(absurd));

            var error = await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() => Created());

            Assert.True(error.Message.Length < 1000, $"the message is {error.Message.Length} characters long");
            Assert.Equal(1, _harness.Emulator.Stats.CreateRequests);
        }

        [Fact]
        public async Task Server_text_repeated_in_an_error_is_capped()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.EnvelopeError(10001, new string('!', 50_000)));

            var error = await Assert.ThrowsAsync<ApiErrorException>(() => Created());

            Assert.True(error.Message.Length < 1000, $"the message is {error.Message.Length} characters long");
        }

        [Fact]
        public async Task A_create_that_takes_forty_seconds_still_ends_as_a_created_job()
        {
            var clock = new ScaledClock(20);
            using var slow = new EmulatorHarness(configureClient: o => o.CreateTimeout = TimeSpan.FromMinutes(5), clock: clock);
            slow.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Stall(TimeSpan.FromSeconds(40)));

            var job = await slow.Client.SubmitAsync(slow.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") }));

            Assert.False(string.IsNullOrEmpty(job.JobId));
            Assert.Equal(1, slow.Emulator.Stats.JobsCreated);
        }

        [Fact]
        public async Task A_job_handed_to_the_wait_after_its_time_ran_out_is_reported_as_timed_out()
        {
            var job = await Created();
            using var waiter = _harness.Client.StartWait(new WaitOptions { Timeout = TimeSpan.FromMilliseconds(200) });
            await Task.Delay(600);

            waiter.Add(job);
            waiter.CompleteAdding();
            var events = await Task.Run(() => waiter.Events.TakeAll(default).ToList());

            var report = Assert.Single(events);
            Assert.Equal(WaitEventKind.TimedOut, report.Kind);
            Assert.Same(job, report.Job);
        }

        [Fact]
        public async Task A_job_the_service_never_answers_about_is_given_up_instead_of_asked_forever()
        {
            using var failing = new EmulatorHarness(o => { o.JobDuration = TimeSpan.FromMilliseconds(50); o.QueryServerErrorRate = 1; });
            var job = await failing.Client.SubmitAsync(failing.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") }));

            var report = Assert.Single(await failing.Client.WaitAllAsync(new[] { job }, new WaitOptions { PollInterval = TimeSpan.FromMilliseconds(10) }));

            Assert.Equal(WaitEventKind.Failed, report.Kind);
            Assert.Contains("no longer followed", report.Error!.Message);
        }
    }
}
