using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using ShortApi.Emulator;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Stopping
{
    /// <summary>
    /// PowerShell.Stop() (what Ctrl+C does) in the middle of a batch and of a download: it ends
    /// promptly, nothing is half-written, the journal stays readable, and a re-run with the same
    /// journal finishes the batch without creating any input twice.
    /// </summary>
    public sealed class StopTests : ModuleTest
    {
        private const string Batch =
            "Get-ChildItem -Path $stills -Filter *.png | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -ThrottleLimit 3 -JournalPath $journal | " +
            "Wait-ShortApiJob -OutputDirectory $out -JournalPath $journal -PollInterval 0.2";

        [Fact]
        public void Stopped_while_creates_are_in_flight_a_rerun_creates_only_the_inputs_never_sent()
        {
            // Each create is answered a second after the job is made, so a stop catches some in flight.
            StartEmulator("-JobSeconds 0.3 -LatencyMilliseconds 1000");
            string stills = Folder.Stills(copies: 4);
            string journal = Folder["jobs.jsonl"];
            string output = Folder["videos"];
            var variables = new (string, object?)[] { ("stills", stills), ("journal", journal), ("out", output) };

            using (var running = Session.Start(Batch, variables))
            {
                WaitUntil(() => Emulator.Stats.CreateRequests >= 4, "a second round of creates");
                Thread.Sleep(150);
                var took = running.Stop();
                var stopped = running.Wait();

                Assert.Equal(PSInvocationState.Stopped, stopped.State);
                Assert.InRange(took.TotalSeconds, 0, 5);
            }

            Assert.InRange(Emulator.Stats.CreateRequests, 4, 11);
            ShortApiAssert.NothingHalfWritten(output, Emulator.Options.OutputBytes);
            var before = new JournalSummary(ShortApiAssert.JournalIsWhole(journal));
            Assert.NotEmpty(before.ClaimedNotCreatedSources);
            Thread.Sleep(1200); // let the creates the stop abandoned be answered
            long createdBefore = Emulator.Stats.JobsCreated;

            var rerun = Session.Run(Batch, variables);

            Assert.Null(rerun.Failure);
            Assert.All(rerun.Errors, e => ShortApiAssert.IsError(e, "CreateOutcomeUnknown", ErrorCategory.InvalidResult));
            Assert.Equal(before.ClaimedNotCreatedSources.OrderBy(s => s, StringComparer.Ordinal), rerun.Errors.Select(e => (string)e.TargetObject).OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(12 - before.CreatedSources.Count - before.ClaimedNotCreatedSources.Count, Emulator.Stats.JobsCreated - createdBefore);
            Assert.InRange(Emulator.Stats.JobsCreated, 0, 12);

            var jobs = rerun.All<VideoJob>();
            Assert.Equal(12 - before.ClaimedNotCreatedSources.Count, jobs.Select(j => j.Source).Distinct().Count());
            Assert.All(jobs, j => Assert.Equal(JobStatus.Succeeded, j.Status));
            Assert.Equal(jobs.Count, TestFolder.FilesIn(output).Count);
            ShortApiAssert.NothingHalfWritten(output, Emulator.Options.OutputBytes);
            var after = new JournalSummary(ShortApiAssert.JournalIsWhole(journal));
            Assert.All(after.CreatedPerInput.Values, count => Assert.Equal(1, count));
        }

        [Fact]
        public void Stopped_mid_download_no_partial_or_short_video_is_left_and_a_rerun_saves_them_all()
        {
            // Large outputs make each download take long enough to be caught half-way.
            var emulator = StartConfiguredEmulator(new EmulatorOptions { JobDuration = TimeSpan.FromSeconds(0.2), OutputBytes = 48 * 1024 * 1024, RecordCreateBodies = false });
            string stills = Folder.Stills(copies: 2);
            string journal = Folder["jobs.jsonl"];
            string output = Folder["videos"];
            var variables = new (string, object?)[] { ("stills", stills), ("journal", journal), ("out", output) };

            using (var running = Session.Start(Batch, variables))
            {
                WaitUntil(() => TestFolder.FilesIn(output).Any(f => f.Name.EndsWith(".partial", StringComparison.Ordinal)), "a download under way", seconds: 30);
                var took = running.Stop();
                var stopped = running.Wait();

                Assert.Equal(PSInvocationState.Stopped, stopped.State);
                Assert.InRange(took.TotalSeconds, 0, 5);
            }

            // No video under its final name is short, at once; the temporary files go as the downloads unwind.
            Assert.All(TestFolder.FilesIn(output).Where(f => f.Extension == ".mp4"), f => Assert.Equal(emulator.Options.OutputBytes, f.Length));
            WaitUntil(() => !TestFolder.FilesIn(output).Any(f => f.Name.EndsWith(".partial", StringComparison.Ordinal)), "the temporary files to go", seconds: 5);
            ShortApiAssert.JournalIsWhole(journal);

            var rerun = Session.Run(Batch, variables).AssertClean();

            Assert.Equal(6, rerun.All<VideoJob>().Count);
            Assert.Equal(6, emulator.Stats.JobsCreated);
            Assert.Equal(6, TestFolder.FilesIn(output).Count);
            ShortApiAssert.NothingHalfWritten(output, emulator.Options.OutputBytes);
        }
    }
}
