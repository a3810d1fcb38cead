using System;
using System.Linq;
using ShortApi.Journal;
using Xunit;

namespace ShortApi.Client.Tests.Journal
{
    /// <summary>What a sequence of journal records adds up to: no file, no clock, no process involved.</summary>
    public class JournalFoldTests
    {
        private static readonly DateTimeOffset At = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

        private static JournalState Fold(params JournalRecord[] records)
        {
            var state = new JournalState();
            foreach (var record in records)
            {
                JournalFold.Apply(state, record);
            }

            return state;
        }

        private static JournalRecord Claim(string input) => new JournalRecord { Type = JournalRecordType.Submitting, At = At, InputKey = input, Claimant = "host:1" };

        private static JournalRecord Sent(string input) => new JournalRecord { Type = JournalRecordType.Sent, At = At, InputKey = input };

        private static JournalRecord Created(string input, string jobId) =>
            new JournalRecord { Type = JournalRecordType.Created, At = At, InputKey = input, JobId = jobId, Model = "vidu/vidu-q3/image-to-video", Source = "/stills/" + input + ".png" };

        private static JournalRecord Final(string jobId, JobStatus status) =>
            new JournalRecord { Type = JournalRecordType.Final, At = At.AddMinutes(1), JobId = jobId, Status = status, StatusCode = status == JobStatus.Succeeded ? 2 : 3, OutputUrls = status == JobStatus.Succeeded ? new[] { "https://cdn.example/" + jobId + ".mp4" } : null };

        [Fact]
        public void A_claim_alone_is_pending_and_not_yet_sent()
        {
            var input = Fold(Claim("a")).Inputs["a"];

            Assert.Equal(InputStatus.Pending, input.Status);
            Assert.False(input.BodySent);
        }

        [Fact]
        public void A_sent_mark_says_the_service_may_have_the_request()
        {
            Assert.True(Fold(Claim("a"), Sent("a")).Inputs["a"].BodySent);
        }

        [Fact]
        public void A_release_frees_the_input_again()
        {
            var state = Fold(Claim("a"), Sent("a"), new JournalRecord { Type = JournalRecordType.Released, At = At, InputKey = "a" });

            Assert.True(state.Inputs["a"].IsFree);
        }

        [Fact]
        public void An_unknown_outcome_keeps_its_reason()
        {
            var state = Fold(Claim("a"), Sent("a"), new JournalRecord { Type = JournalRecordType.Unknown, At = At, InputKey = "a", Error = "HTTP 502" });

            Assert.Equal(InputStatus.OutcomeUnknown, state.Inputs["a"].Status);
            Assert.Equal("HTTP 502", state.Inputs["a"].Error);
        }

        [Fact]
        public void A_created_job_is_the_inputs_job_and_the_journals_jobs_are_in_creation_order()
        {
            var state = Fold(Claim("b"), Created("b", "job_2"), Claim("a"), Created("a", "job_1"));

            Assert.Equal(InputStatus.Submitted, state.Inputs["a"].Status);
            Assert.Equal("job_1", state.Inputs["a"].Job!.JobId);
            Assert.Equal(new[] { "job_2", "job_1" }, state.Order.Select(j => j.JobId));
        }

        [Fact]
        public void A_final_record_brings_the_job_to_its_end_state()
        {
            var state = Fold(Created("a", "job_1"), Final("job_1", JobStatus.Succeeded));

            var job = state.Jobs["job_1"];
            Assert.Equal(JobStatus.Succeeded, job.Status);
            Assert.Equal(new[] { "https://cdn.example/job_1.mp4" }, job.OutputUrls);
            Assert.Contains("job_1", state.FinalRecorded);
        }

        [Fact]
        public void Saved_files_are_added_to_the_job()
        {
            var state = Fold(Created("a", "job_1"), Final("job_1", JobStatus.Succeeded), new JournalRecord { Type = JournalRecordType.Saved, At = At, JobId = "job_1", Files = new[] { "/videos/a-job_1.mp4" } });

            Assert.Equal(new[] { "/videos/a-job_1.mp4" }, state.Jobs["job_1"].OutputFiles);
        }

        [Fact]
        public void A_record_about_a_job_the_journal_never_created_changes_nothing()
        {
            var state = Fold(Final("job_elsewhere", JobStatus.Failed));

            Assert.Empty(state.Jobs);
            Assert.Empty(state.Order);
        }

        [Fact]
        public void The_same_records_always_fold_to_the_same_state()
        {
            var records = new[] { Claim("a"), Sent("a"), Created("a", "job_1"), Claim("b"), Final("job_1", JobStatus.Failed) };

            var first = Fold(records);
            var second = Fold(records);

            Assert.Equal(first.Inputs.Keys.OrderBy(k => k), second.Inputs.Keys.OrderBy(k => k));
            Assert.Equal(first.Inputs["b"].Status, second.Inputs["b"].Status);
            Assert.Equal(first.Jobs["job_1"].Status, second.Jobs["job_1"].Status);
        }

        [Fact]
        public void A_forced_resubmission_that_is_refused_leaves_the_input_with_its_earlier_job()
        {
            var state = Fold(Claim("a"), Created("a", "job_1"), Claim("a"), new JournalRecord { Type = JournalRecordType.Released, At = At, InputKey = "a" });

            Assert.Equal(InputStatus.Submitted, state.Inputs["a"].Status);
            Assert.Equal("job_1", state.Inputs["a"].Job!.JobId);
        }
    }
}
