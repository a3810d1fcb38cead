using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Emulator.Faults;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    public class DownloadTests : IDisposable
    {
        private readonly EmulatorHarness _harness = new EmulatorHarness(o => { o.OutputBytes = 20000; o.JobDuration = TimeSpan.FromMilliseconds(50); });
        private readonly TempDirectory _temp = new TempDirectory();

        public void Dispose()
        {
            _harness.Dispose();
            _temp.Dispose();
        }

        private async Task<VideoJob> FinishedJob(string source = "https://img.example/beach.png")
        {
            var job = await _harness.Client.SubmitAsync(_harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl(source) }));
            await _harness.Client.WaitAllAsync(new[] { job }, new WaitOptions());
            return job;
        }

        [Fact]
        public async Task The_file_is_named_from_the_source_and_the_job_id()
        {
            var job = await FinishedJob();

            var file = (await _harness.Client.DownloadAsync(job, _temp.Path)).Single();

            Assert.Equal(Path.Combine(_temp.Path, $"beach-{job.JobId}.mp4"), file.Path);
            Assert.Equal(20000, new FileInfo(file.Path).Length);
            Assert.Equal(new[] { file.Path }, job.OutputFiles);
        }

        [Fact]
        public async Task A_truncated_download_is_retried_and_only_the_complete_file_appears()
        {
            var job = await FinishedJob();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Download, EmulatorFault.Truncate());

            var file = (await _harness.Client.DownloadAsync(job, _temp.Path)).Single();

            Assert.Equal(20000, new FileInfo(file.Path).Length);
            Assert.Equal(new[] { file.Path }, Directory.GetFiles(_temp.Path));
        }

        [Fact]
        public async Task A_download_that_keeps_failing_leaves_no_file_behind()
        {
            var job = await FinishedJob();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Download, Enumerable.Repeat(EmulatorFault.Truncate(), 10).ToArray());

            var error = await Assert.ThrowsAsync<ShortApiException>(() => _harness.Client.DownloadAsync(job, _temp.Path));

            Assert.Equal(ShortApiErrorReason.DownloadFailed, error.Reason);
            Assert.Empty(Directory.GetFiles(_temp.Path));
        }

        [Fact]
        public async Task When_a_later_output_of_a_job_fails_the_error_names_the_files_already_saved()
        {
            using var harness = new EmulatorHarness(o => { o.OutputBytes = 2000; o.JobDuration = TimeSpan.FromMilliseconds(50); o.OutputsPerJob = 2; });
            var job = await harness.Client.SubmitAsync(harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/pair.png") }));
            await harness.Client.WaitAllAsync(new[] { job }, new WaitOptions());
            string first = Path.Combine(_temp.Path, OutputNaming.FileName(job, job.OutputUrls[0], 0, 2));
            File.WriteAllBytes(first, new byte[] { 1, 2, 3 });
            harness.Emulator.Faults.Enqueue(EmulatorRoute.Download, Enumerable.Repeat(EmulatorFault.Truncate(), 10).ToArray());

            var error = await Assert.ThrowsAsync<ShortApiException>(() => harness.Client.DownloadAsync(job, _temp.Path));

            Assert.Equal(ShortApiErrorReason.DownloadFailed, error.Reason);
            Assert.Contains($"1 of its 2 outputs are on disk and were kept ({Path.GetFileName(first)})", error.Message);
            Assert.Equal(new[] { first }, job.OutputFiles);
            Assert.Equal(new[] { first }, Directory.GetFiles(_temp.Path));
        }

        [Fact]
        public async Task An_output_downloaded_before_a_later_one_fails_is_kept_and_named()
        {
            using var harness = new EmulatorHarness(o => { o.OutputBytes = 2000; o.JobDuration = TimeSpan.FromMilliseconds(50); o.OutputsPerJob = 2; });
            var job = await harness.Client.SubmitAsync(harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/pair.png") }));
            await harness.Client.WaitAllAsync(new[] { job }, new WaitOptions());
            harness.Emulator.Faults.Enqueue(EmulatorRoute.Download, new[] { EmulatorFault.Pass() }.Concat(Enumerable.Repeat(EmulatorFault.Status(404), 1)).ToArray());

            var error = await Assert.ThrowsAsync<ApiErrorException>(() => harness.Client.DownloadAsync(job, _temp.Path));

            string first = Assert.Single(Directory.GetFiles(_temp.Path));
            Assert.Equal(2000, new FileInfo(first).Length);
            Assert.Equal(new[] { first }, job.OutputFiles);
            Assert.Contains($"1 of its 2 outputs are on disk and were kept ({Path.GetFileName(first)})", error.Message);
            Assert.Equal(404, error.HttpStatus);
        }

        [Fact]
        public async Task An_existing_file_is_kept_unless_overwriting_is_asked_for()
        {
            var job = await FinishedJob();
            string path = Path.Combine(_temp.Path, $"beach-{job.JobId}.mp4");
            File.WriteAllText(path, "mine");

            var kept = (await _harness.Client.DownloadAsync(job, _temp.Path)).Single();
            Assert.True(kept.AlreadyPresent);
            Assert.Equal("mine", File.ReadAllText(path));

            var replaced = (await _harness.Client.DownloadAsync(job, _temp.Path, overwrite: true)).Single();
            Assert.False(replaced.AlreadyPresent);
            Assert.Equal(20000, new FileInfo(path).Length);
        }

        [Fact]
        public void A_server_chosen_path_never_reaches_the_file_name()
        {
            var job = new VideoJob("../../etc/passwd", "m", null, @"C:\stills\..\evil name?.png", null, null, null, null, null, "");

            string name = OutputNaming.FileName(job, "https://cdn.example/../../x/evil.sh", 0, 1);

            Assert.Equal("evil_name-etc_passwd.mp4", name);
            Assert.DoesNotContain("..", name);
        }

        [Fact]
        public async Task A_download_only_wait_reports_a_running_job_without_asking_about_it()
        {
            var running = _harness.Client.JobFromId("job_still_running");

            var events = await _harness.Client.WaitAllAsync(new[] { running }, new WaitOptions { DownloadDirectory = _temp.Path, DownloadOnly = true });

            var report = Assert.Single(events);
            Assert.Equal(WaitEventKind.Failed, report.Kind);
            Assert.Equal(ShortApiErrorReason.JobNotFinished, report.Error!.Reason);
            Assert.Contains("nothing to download", report.Error.Message);
            Assert.Equal(0, _harness.Emulator.Stats.QueryRequests);
        }

        [Fact]
        public async Task A_job_that_did_not_succeed_has_nothing_to_download()
        {
            var job = _harness.Client.JobFromId("job_x");

            var error = await Assert.ThrowsAsync<ShortApiException>(() => _harness.Client.DownloadAsync(job, _temp.Path));

            Assert.Equal(ShortApiErrorReason.JobNotFinished, error.Reason);
            Assert.Contains("Queued", error.Message);
            Assert.Contains("Wait for it to finish first", error.Message);
        }
    }
}
