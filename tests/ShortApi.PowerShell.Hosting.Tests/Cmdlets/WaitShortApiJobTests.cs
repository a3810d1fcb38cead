using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.Emulator.Faults;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Cmdlets
{
    /// <summary>Wait-ShortApiJob: jobs or ids from the pipeline, each emitted as it ends, downloads, progress and warnings.</summary>
    public sealed class WaitShortApiJobTests : ModuleTest
    {
        [Fact]
        public void Jobs_piped_from_New_come_out_succeeded_with_their_videos_downloaded()
        {
            StartEmulator("-JobSeconds 0.5");
            string stills = Folder.Stills();
            string output = Folder["videos"];

            var result = Session.Run(
                "Get-ChildItem -Path $stills -Filter *.png | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' | Wait-ShortApiJob -OutputDirectory $out -PollInterval 0.2",
                ("stills", stills),
                ("out", output)).AssertClean();

            var jobs = result.All<VideoJob>();
            Assert.Equal(3, jobs.Count);
            Assert.All(jobs, j =>
            {
                Assert.Equal(JobStatus.Succeeded, j.Status);
                string file = Assert.Single(j.OutputFiles);
                Assert.Equal(output, Path.GetDirectoryName(file));
                Assert.StartsWith(Path.GetFileNameWithoutExtension(j.Source) + "-", Path.GetFileName(file), StringComparison.Ordinal);
                Assert.Contains(j.JobId, Path.GetFileName(file), StringComparison.Ordinal);
            });
            ShortApiAssert.NothingHalfWritten(output, Emulator.Options.OutputBytes);
            Assert.Equal(3, TestFolder.FilesIn(output).Count);
            Assert.Contains(typeof(VideoJob), DeclaredOutputTypes("Wait-ShortApiJob"));
        }

        [Fact]
        public void Job_ids_piped_as_strings_are_waited_for()
        {
            StartEmulator("-JobSeconds 0.5");
            var created = Session.Run("'https://img.example/a.png', 'https://img.example/b.png' | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan'").AssertClean().All<VideoJob>();

            var result = Session.Run("$ids | Wait-ShortApiJob -PollInterval 0.2", ("ids", created.Select(j => j.JobId).ToArray())).AssertClean();

            var jobs = result.All<VideoJob>();
            Assert.Equal(created.Select(j => j.JobId).OrderBy(i => i, StringComparer.Ordinal), jobs.Select(j => j.JobId).OrderBy(i => i, StringComparer.Ordinal));
            Assert.All(jobs, j => Assert.Equal(JobStatus.Succeeded, j.Status));
        }

        [Fact]
        public void Waiting_reports_overall_progress_and_a_line_per_job_naming_its_source_and_completes_them()
        {
            StartEmulator("-JobSeconds 1.2");
            string stills = Folder.Stills();

            var result = Session.Run(
                "Get-ChildItem -Path $stills -Filter *.png | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' | Wait-ShortApiJob -PollInterval 0.2",
                ("stills", stills)).AssertClean();

            var overall = result.Progress.Where(p => p.Activity == "Waiting for video jobs").ToList();
            Assert.Contains(overall, p => p.StatusDescription.Contains("running", StringComparison.Ordinal) && p.StatusDescription.Contains("elapsed", StringComparison.Ordinal));
            Assert.Equal(ProgressRecordType.Completed, overall[^1].RecordType);
            var perJob = result.Progress.Where(p => p.ParentActivityId == overall[0].ActivityId).ToList();
            foreach (string still in TestFolder.SampleStills)
            {
                var lines = perJob.Where(p => p.Activity.Contains(still, StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(lines);
                Assert.Equal(ProgressRecordType.Completed, lines[^1].RecordType);
            }
        }

        [Fact]
        public void A_status_query_that_fails_through_every_retry_is_a_warning_and_the_wait_goes_on()
        {
            StartEmulator("-JobSeconds 0.5");
            var created = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png").AssertClean().All<VideoJob>().Single();
            for (int i = 0; i < 6; i++)
            {
                // 503 with Retry-After: 1 keeps the transport's six tries short.
                Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.Status(503, TimeSpan.FromSeconds(1)));
            }

            var result = Session.Run("$job | Wait-ShortApiJob -PollInterval 0.2", ("job", created)).AssertClean();

            // The same warning is written twice today (see the report), so only its text is pinned down.
            string warning = Assert.Single(result.Warnings.Distinct());
            Assert.Contains(created.JobId, warning, StringComparison.Ordinal);
            Assert.Contains("503", warning, StringComparison.Ordinal);
            Assert.Equal(JobStatus.Succeeded, Assert.Single(result.All<VideoJob>()).Status);
        }
    }
}
