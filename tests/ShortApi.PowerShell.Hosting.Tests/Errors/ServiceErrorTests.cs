using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.Emulator.Faults;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Errors
{
    /// <summary>What the service answers: refusals, garbled answers, lost answers, failed and slow jobs, broken downloads.</summary>
    public sealed class ServiceErrorTests : ModuleTest
    {
        private const string Batch = "Get-ChildItem -Path $stills -Filter *.png | Sort-Object Name | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -ThrottleLimit 1";

        [Fact]
        public void A_create_the_service_refuses_is_ApiError_with_its_message_and_the_batch_goes_on()
        {
            StartEmulator();
            string stills = Folder.Stills();
            Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.EnvelopeError(1001, "model busy"));

            var result = Session.Run(Batch, ("stills", stills));

            var error = ShortApiAssert.SingleError(result, "ApiError", ErrorCategory.InvalidOperation);
            Assert.Equal(Path.Combine(stills, "forest.png"), error.TargetObject);
            Assert.Contains("model busy", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(2, result.All<VideoJob>().Count);
        }

        [Fact]
        public void A_status_answer_that_stays_garbled_is_UnexpectedResponse_for_that_job_id()
        {
            StartEmulator("-JobSeconds 0");
            var job = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png").AssertClean().All<VideoJob>().Single();
            for (int i = 0; i < 6; i++)
            {
                Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.Garbage());
            }

            var result = Session.Run("Get-ShortApiJob -JobId $id", ("id", job.JobId));

            var error = ShortApiAssert.SingleError(result, "UnexpectedResponse", ErrorCategory.ProtocolError);
            Assert.Equal(job.JobId, error.TargetObject);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void A_create_whose_answer_is_lost_is_CreateOutcomeUnknown_and_is_not_sent_again()
        {
            StartEmulator();
            string stills = Folder.Stills();
            Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.DropConnection(processFirst: true));

            var result = Session.Run(Batch, ("stills", stills));

            var error = ShortApiAssert.SingleError(result, "CreateOutcomeUnknown", ErrorCategory.InvalidResult);
            Assert.Equal(Path.Combine(stills, "forest.png"), error.TargetObject);
            Assert.Contains("-Force", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(2, result.All<VideoJob>().Count);
            Assert.Equal(3, Emulator.Stats.CreateRequests);
            Assert.Equal(3, Emulator.Stats.JobsCreated);
        }

        [Fact]
        public void A_rerun_reports_an_input_of_unknown_outcome_from_the_journal_instead_of_paying_again()
        {
            StartEmulator();
            string stills = Folder.Stills();
            string journal = Folder["jobs.jsonl"];
            Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.DropConnection(processFirst: true));
            Session.Run(Batch + " -JournalPath $journal", ("stills", stills), ("journal", journal));

            var rerun = Session.Run(Batch + " -JournalPath $journal -WarningAction SilentlyContinue", ("stills", stills), ("journal", journal));

            var error = ShortApiAssert.SingleError(rerun, "CreateOutcomeUnknown", ErrorCategory.InvalidResult);
            Assert.Equal(Path.Combine(stills, "forest.png"), error.TargetObject);
            Assert.Equal(3, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void A_job_that_fails_comes_out_Failed_and_refunded_with_a_JobFailed_error()
        {
            StartEmulator("-JobSeconds 0.3 -FailureRate 1");

            var result = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png | Wait-ShortApiJob -PollInterval 0.2");

            var job = Assert.Single(result.All<VideoJob>());
            Assert.Equal(JobStatus.Failed, job.Status);
            Assert.True(job.Refunded);
            var error = ShortApiAssert.SingleError(result, "JobFailed", ErrorCategory.InvalidResult);
            Assert.Same(job, error.TargetObject);
            Assert.Contains("refunded", error.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_wait_past_its_Timeout_in_seconds_is_Timeout_saying_how_to_wait_again()
        {
            StartEmulator("-JobSeconds 60");
            var job = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png").AssertClean().All<VideoJob>().Single();
            var watch = Stopwatch.StartNew();

            var result = Session.Run("$job | Wait-ShortApiJob -Timeout 1", ("job", job));

            watch.Stop();
            var error = ShortApiAssert.SingleError(result, "Timeout", ErrorCategory.OperationTimeout);
            Assert.Same(job, error.TargetObject);
            Assert.Contains(job.JobId, error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("Wait-ShortApiJob", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
            Assert.InRange(watch.Elapsed.TotalSeconds, 0.9, 15);
        }

        [Fact]
        public void A_download_cut_short_every_time_is_DownloadFailed_and_leaves_no_file()
        {
            StartEmulator("-JobSeconds 0");
            var job = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png | Wait-ShortApiJob -PollInterval 0.2").AssertClean().All<VideoJob>().Single();
            string output = Folder["videos"];
            for (int i = 0; i < 6; i++)
            {
                Emulator.Faults.Enqueue(EmulatorRoute.Download, EmulatorFault.Truncate());
            }

            var result = Session.Run("$job | Save-ShortApiJobOutput -Path $out", ("job", job), ("out", output));

            var error = ShortApiAssert.SingleError(result, "DownloadFailed", ErrorCategory.ReadError);
            Assert.Same(job, error.TargetObject);
            Assert.Contains(job.JobId, error.Exception.Message, StringComparison.Ordinal);
            Assert.Empty(result.Output);
            Assert.Empty(TestFolder.FilesIn(output));
        }

        [Fact]
        public void Saving_a_job_that_has_not_finished_is_JobNotFinished_naming_its_state_and_saying_to_wait()
        {
            StartEmulator("-JobSeconds 60");
            var job = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png").AssertClean().All<VideoJob>().Single();

            var result = Session.Run("$job | Save-ShortApiJobOutput -Path $out", ("job", job), ("out", Folder["videos"]));

            var error = ShortApiAssert.SingleError(result, "JobNotFinished", ErrorCategory.ResourceUnavailable);
            Assert.Same(job, error.TargetObject);
            Assert.Contains(job.Status.ToString(), error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("Wait-ShortApiJob", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(0, Emulator.Stats.Downloads);
        }

        [Fact]
        public void An_id_the_service_does_not_know_is_JobNotFound_for_that_id_and_the_others_come_out()
        {
            StartEmulator("-JobSeconds 0");
            var job = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png").AssertClean().All<VideoJob>().Single();

            var result = Session.Run("'job_nobody_made', $id | Get-ShortApiJob", ("id", job.JobId));

            var error = ShortApiAssert.SingleError(result, "JobNotFound", ErrorCategory.ObjectNotFound);
            Assert.Equal("job_nobody_made", error.TargetObject);
            Assert.Equal(job.JobId, result.All<VideoJob>().Single().JobId);
        }
    }
}
