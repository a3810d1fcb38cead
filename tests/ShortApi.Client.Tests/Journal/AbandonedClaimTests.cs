using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Journal
{
    /// <summary>
    /// A run that died left a claim. If its create never went out in full, the service cannot have
    /// the job and the input is free again; if it did, the job may exist and it is not sent again.
    /// </summary>
    public class AbandonedClaimTests : IDisposable
    {
        private readonly EmulatorHarness _harness = new EmulatorHarness();
        private readonly TempDirectory _temp = new TempDirectory();

        public void Dispose()
        {
            _harness.Dispose();
            _temp.Dispose();
        }

        private string JournalPath => _temp.Combine("run.jsonl");

        private PreparedJob Prepare() =>
            _harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") });

        private static int DeadProcessId()
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            process.WaitForExit();
            return process.Id;
        }

        private void WriteClaim(PreparedJob job, string claimant, DateTimeOffset at, bool sent)
        {
            string time = at.ToString("O");
            File.AppendAllText(JournalPath, $"{{\"v\":1,\"type\":\"submitting\",\"at\":\"{time}\",\"inputKey\":\"{job.InputKey}\",\"claimant\":\"{claimant}\"}}\n");
            if (sent)
            {
                File.AppendAllText(JournalPath, $"{{\"v\":1,\"type\":\"sent\",\"at\":\"{time}\",\"inputKey\":\"{job.InputKey}\"}}\n");
            }
        }

        [Fact]
        public async Task A_claim_from_a_dead_process_whose_request_never_went_out_in_full_is_free_again()
        {
            var job = Prepare();
            WriteClaim(job, $"{Environment.MachineName}:{DeadProcessId()}", DateTimeOffset.UtcNow, sent: false);

            var journal = JobJournal.OpenIsolated(JournalPath);
            Assert.True(journal.Find(job.InputKey).IsFree);
            await _harness.Client.SubmitAsync(job, journal);
            Assert.Equal(1, _harness.Emulator.Stats.JobsCreated);
        }

        [Fact]
        public async Task A_claim_from_a_dead_process_whose_request_went_out_in_full_is_not_sent_again()
        {
            var job = Prepare();
            WriteClaim(job, $"{Environment.MachineName}:{DeadProcessId()}", DateTimeOffset.UtcNow, sent: true);

            var error = await Assert.ThrowsAsync<AlreadySubmittedException>(() => _harness.Client.SubmitAsync(job, JobJournal.OpenIsolated(JournalPath)));

            Assert.Equal(InputStatus.Pending, error.Lookup.Status);
            Assert.True(error.Lookup.BodySent);
            Assert.Equal(0, _harness.Emulator.Stats.CreateRequests);
        }

        [Fact]
        public async Task A_fresh_claim_by_a_live_process_is_respected_even_before_its_request_is_complete()
        {
            var job = Prepare();
            WriteClaim(job, $"{Environment.MachineName}:{Environment.ProcessId}", DateTimeOffset.UtcNow, sent: false);

            await Assert.ThrowsAsync<AlreadySubmittedException>(() => _harness.Client.SubmitAsync(job, JobJournal.OpenIsolated(JournalPath)));
            Assert.Equal(0, _harness.Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void A_claim_from_another_machine_is_free_only_once_it_is_older_than_the_claim_timeout()
        {
            var job = Prepare();
            WriteClaim(job, "other-host:4242", DateTimeOffset.UtcNow - TimeSpan.FromMinutes(90), sent: false);

            var journal = JobJournal.OpenIsolated(JournalPath);
            Assert.True(journal.Find(job.InputKey).IsFree);
            journal.ClaimTimeout = TimeSpan.FromHours(2);
            Assert.False(journal.Find(job.InputKey).IsFree);
        }

        [Fact]
        public void A_claim_of_a_live_process_of_this_machine_stands_however_old_it_is()
        {
            var job = Prepare();
            WriteClaim(job, $"{Environment.MachineName}:{Environment.ProcessId}", DateTimeOffset.UtcNow - TimeSpan.FromDays(2), sent: false);

            var journal = JobJournal.OpenIsolated(JournalPath);
            journal.ClaimTimeout = TimeSpan.FromMilliseconds(1);

            Assert.Equal(InputStatus.InProgress, journal.Find(job.InputKey).Status);
        }

        [Fact]
        public async Task A_submission_marks_the_request_sent_before_it_learns_the_outcome()
        {
            var journal = JobJournal.OpenIsolated(JournalPath);

            await _harness.Client.SubmitAsync(Prepare(), journal);

            string[] lines = File.ReadAllLines(JournalPath);
            Assert.Equal(new[] { "submitting", "sent", "created" }, Array.ConvertAll(lines, l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()));
        }
    }
}
