using System;
using System.Linq;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Cmdlets
{
    /// <summary>Get-ShortApiJob: ids by value and by property name, and every job of a journal.</summary>
    public sealed class GetShortApiJobTests : ModuleTest
    {
        [Fact]
        public void Job_ids_piped_as_strings_come_back_as_job_objects_with_their_current_state()
        {
            StartEmulator("-JobSeconds 0");
            var created = Session.Run("'https://img.example/a.png', 'https://img.example/b.png' | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan'").AssertClean().All<VideoJob>();

            var result = Session.Run("$ids | Get-ShortApiJob", ("ids", created.Select(j => j.JobId).ToArray())).AssertClean();

            var jobs = result.All<VideoJob>();
            Assert.Equal(created.Select(j => j.JobId).OrderBy(i => i, StringComparer.Ordinal), jobs.Select(j => j.JobId).OrderBy(i => i, StringComparer.Ordinal));
            Assert.All(jobs, j => Assert.Equal(JobStatus.Succeeded, j.Status));
            Assert.All(jobs, j => Assert.Single(j.OutputUrls));
            Assert.Contains(typeof(VideoJob), DeclaredOutputTypes("Get-ShortApiJob"));
        }

        [Fact]
        public void Objects_with_a_JobId_property_bind_by_property_name()
        {
            StartEmulator("-JobSeconds 0");
            var created = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png").AssertClean().All<VideoJob>().Single();

            var result = Session.Run("[pscustomobject]@{ JobId = $id; Note = 'from a report' } | Get-ShortApiJob", ("id", created.JobId)).AssertClean();

            Assert.Equal(created.JobId, Assert.Single(result.All<VideoJob>()).JobId);
        }

        [Fact]
        public void JournalPath_lists_every_job_the_journal_holds()
        {
            StartEmulator("-JobSeconds 0");
            string journal = Folder["jobs.jsonl"];
            var created = Session.Run("'https://img.example/a.png', 'https://img.example/b.png' | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -JournalPath $journal", ("journal", journal)).AssertClean().All<VideoJob>();

            var result = Session.Run("Get-ShortApiJob -JournalPath $journal", ("journal", journal)).AssertClean();

            var jobs = result.All<VideoJob>();
            Assert.Equal(created.Select(j => j.JobId).OrderBy(i => i, StringComparer.Ordinal), jobs.Select(j => j.JobId).OrderBy(i => i, StringComparer.Ordinal));
            Assert.All(jobs, j => Assert.Equal(JobStatus.Succeeded, j.Status));
            Assert.Equal(new[] { "https://img.example/a.png", "https://img.example/b.png" }, jobs.Select(j => j.Source).OrderBy(s => s, StringComparer.Ordinal));
        }

        [Fact]
        public void Offline_lists_the_journal_without_asking_the_service()
        {
            StartEmulator("-JobSeconds 0");
            string journal = Folder["jobs.jsonl"];
            Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png -JournalPath $journal", ("journal", journal)).AssertClean();
            long queries = Emulator.Stats.QueryRequests;

            var result = Session.Run("Get-ShortApiJob -JournalPath $journal -Offline", ("journal", journal)).AssertClean();

            Assert.Single(result.All<VideoJob>());
            Assert.Equal(queries, Emulator.Stats.QueryRequests);
        }

        [Fact]
        public void A_torn_last_journal_line_is_skipped_silently_and_the_jobs_still_listed()
        {
            // A run killed mid-write leaves half a line at the end of the journal.
            StartEmulator("-JobSeconds 0");
            string journal = Folder["jobs.jsonl"];
            Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png -JournalPath $journal", ("journal", journal)).AssertClean();
            System.IO.File.AppendAllText(journal, "{\"type\":\"created\",\"jobId\":\"job_");

            var result = Session.Run("Get-ShortApiJob -JournalPath $journal -Offline", ("journal", journal)).AssertClean();

            Assert.Single(result.All<VideoJob>());
            Assert.Empty(result.Warnings); // a killed writer's half line is expected, not damage
        }

        [Fact]
        public void Damaged_journal_lines_are_warned_about_once_naming_the_file_and_the_lines()
        {
            StartEmulator("-JobSeconds 0");
            string journal = Folder["jobs.jsonl"];
            Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png, https://img.example/b.png -JournalPath $journal", ("journal", journal)).AssertClean();
            System.IO.File.AppendAllText(journal, "edited by hand\n"); // line 7, after each job's claim, sent and created lines

            var result = Session.Run("Get-ShortApiJob -JournalPath $journal -Offline; Get-ShortApiJob -JournalPath $journal -Offline", ("journal", journal)).AssertClean();

            Assert.Equal(4, result.All<VideoJob>().Count);
            string warning = Assert.Single(result.Warnings);
            Assert.Contains(journal, warning, StringComparison.Ordinal);
            Assert.Contains("line 7", warning, StringComparison.Ordinal);
        }
    }
}
