using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    public class WaitTests
    {
        private static async Task<List<VideoJob>> SubmitMany(EmulatorHarness harness, int count)
        {
            var jobs = new List<VideoJob>();
            for (int i = 0; i < count; i++)
            {
                var request = new JobRequest("vidu-q3") { Prompt = "p" + i, Image = ImageInput.FromUrl($"https://img.example/still-{i}.png") };
                jobs.Add(await harness.Client.SubmitAsync(harness.Client.Prepare(request)));
            }

            return jobs;
        }

        [Fact]
        public async Task Waiting_reports_every_job_once_when_it_ends_with_its_outputs()
        {
            using var harness = new EmulatorHarness();
            var jobs = await SubmitMany(harness, 6);

            var events = await harness.Client.WaitAllAsync(jobs, new WaitOptions());

            Assert.Equal(jobs.Select(j => j.JobId).OrderBy(x => x), events.Select(e => e.Job!.JobId).OrderBy(x => x));
            Assert.All(events, e => Assert.Equal(WaitEventKind.Ended, e.Kind));
            Assert.All(jobs, j => Assert.Equal(JobStatus.Succeeded, j.Status));
            Assert.All(jobs, j => Assert.Single(j.OutputUrls));
            Assert.All(jobs, j => Assert.NotNull(j.CompletedAt));
        }

        [Fact]
        public async Task A_service_slow_to_answer_does_not_hold_a_big_wait_to_a_few_queries_at_a_time()
        {
            // Each answer takes a second; forty jobs all due at once. Only the per-second budget (50/s at the start) should pace them.
            using var harness = new EmulatorHarness(o => { o.QueryLatency = TimeSpan.FromSeconds(1); o.JobDuration = TimeSpan.FromSeconds(3); });
            var jobs = await SubmitMany(harness, 40);

            var events = await harness.Client.WaitAllAsync(jobs, new WaitOptions { PollInterval = TimeSpan.FromSeconds(0.1) });

            Assert.Equal(40, events.Count(e => e.Kind == WaitEventKind.Ended));
            Assert.True(harness.Emulator.Stats.PeakQueriesInFlight >= 30, $"at most {harness.Emulator.Stats.PeakQueriesInFlight} queries were in flight at once");
        }

        [Fact]
        public async Task A_failed_job_ends_as_failed_with_its_refund_and_reason()
        {
            using var harness = new EmulatorHarness(o => o.FailureRate = 1);
            var jobs = await SubmitMany(harness, 2);

            var events = await harness.Client.WaitAllAsync(jobs, new WaitOptions());

            Assert.All(events, e => Assert.Equal(JobStatus.Failed, e.Job!.Status));
            Assert.All(jobs, j => Assert.True(j.Refunded));
            Assert.All(jobs, j => Assert.Contains("failed this job on purpose", j.Error));
        }

        [Fact]
        public async Task Jobs_still_running_when_the_wait_times_out_are_reported_with_how_to_resume()
        {
            using var harness = new EmulatorHarness(o => o.JobDuration = TimeSpan.FromMinutes(5));
            var jobs = await SubmitMany(harness, 2);

            var events = await harness.Client.WaitAllAsync(jobs, new WaitOptions { Timeout = TimeSpan.FromMilliseconds(400) });

            Assert.Equal(2, events.Count);
            Assert.All(events, e => Assert.Equal(WaitEventKind.TimedOut, e.Kind));
            Assert.All(events, e => Assert.Equal(ShortApiErrorReason.Timeout, e.Error!.Reason));
            Assert.All(events, e => Assert.Contains(e.Job!.JobId, e.Error!.Message));
        }

        [Fact]
        public async Task With_an_output_folder_each_success_is_downloaded_as_it_ends()
        {
            using var harness = new EmulatorHarness(o => o.OutputBytes = 5000);
            using var temp = new TempDirectory();
            var jobs = await SubmitMany(harness, 3);

            var events = await harness.Client.WaitAllAsync(jobs, new WaitOptions { DownloadDirectory = temp.Path });

            Assert.All(events, e => Assert.Single(e.Files));
            Assert.All(jobs, j => Assert.Equal(5000, new FileInfo(j.OutputFiles.Single()).Length));
            Assert.Equal(3, Directory.GetFiles(temp.Path).Length);
        }

        [Fact]
        public async Task A_job_the_service_does_not_know_is_reported_and_the_others_go_on()
        {
            using var harness = new EmulatorHarness();
            var jobs = await SubmitMany(harness, 2);
            jobs.Add(harness.Client.JobFromId("job_missing"));

            var events = await harness.Client.WaitAllAsync(jobs, new WaitOptions());

            Assert.Equal(2, events.Count(e => e.Kind == WaitEventKind.Ended));
            var lost = Assert.Single(events, e => e.Kind == WaitEventKind.Failed);
            Assert.Equal("job_missing", lost.Job!.JobId);
        }

        [Fact]
        public async Task Progress_counts_done_and_running_jobs()
        {
            using var harness = new EmulatorHarness();
            var jobs = await SubmitMany(harness, 4);
            var reports = new List<WaitProgress>();

            await harness.Client.WaitAllAsync(jobs, new WaitOptions(), new SyncProgress(reports.Add));

            var last = reports.Last();
            Assert.Equal(4, last.Total);
            Assert.Equal(4, last.Succeeded);
            Assert.Equal(0, last.Running);
            Assert.Equal(100, last.PercentComplete);
        }

        [Fact]
        public async Task A_fixed_poll_interval_asks_about_a_job_more_often_than_the_default_cadence()
        {
            using var harness = new EmulatorHarness(o => o.JobDuration = TimeSpan.FromMilliseconds(900));
            var jobs = await SubmitMany(harness, 2);

            int fixedQueries = await QueriesFor(harness, jobs[0], TimeSpan.FromMilliseconds(100));
            int defaultQueries = await QueriesFor(harness, jobs[1], null);

            // The default first asks after 0.75 s and then by a fifth of the job's age: two or three
            // questions for a 0.9 s job. A 100 ms interval asks several times within the same second.
            Assert.True(fixedQueries > defaultQueries, $"fixed interval: {fixedQueries} queries, default cadence: {defaultQueries}");
        }

        private static async Task<int> QueriesFor(EmulatorHarness harness, VideoJob job, TimeSpan? interval)
        {
            using var waiter = harness.Client.StartWait(new WaitOptions { PollInterval = interval });
            waiter.Add(job);
            waiter.CompleteAdding();
            await Task.Run(() => waiter.Events.TakeAll(default).ToList());
            return waiter.QueriesPerJob[job.JobId];
        }

        private sealed class SyncProgress : IProgress<WaitProgress>
        {
            private readonly Action<WaitProgress> _report;

            public SyncProgress(Action<WaitProgress> report) => _report = report;

            public void Report(WaitProgress value) => _report(value);
        }
    }
}
