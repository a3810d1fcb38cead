using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.Emulator.Faults;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Cmdlets
{
    /// <summary>Save-ShortApiJobOutput: files named from source and id, existing files kept, -WhatIf, no prompt.</summary>
    public sealed class SaveShortApiJobOutputTests : ModuleTest
    {
        private VideoJob[] FinishedJobs()
        {
            string stills = Folder.Stills();
            return Session.Run(
                "Get-ChildItem -Path $stills -Filter *.png | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' | Wait-ShortApiJob -PollInterval 0.2",
                ("stills", stills)).AssertClean().All<VideoJob>().ToArray();
        }

        [Fact]
        public void Saved_videos_come_out_as_file_items_named_from_the_source_and_job_id()
        {
            StartEmulator("-JobSeconds 0.3");
            var jobs = FinishedJobs();
            string output = Folder["videos"];

            var result = Session.Run("$jobs | Save-ShortApiJobOutput -Path $out", ("jobs", jobs), ("out", output)).AssertClean();

            var files = result.All<FileInfo>();
            Assert.Equal(
                jobs.Select(j => $"{Path.GetFileNameWithoutExtension(j.Source)}-{j.JobId}.mp4").OrderBy(n => n, StringComparer.Ordinal),
                files.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(result.Output, o => Assert.Equal("FileSystem", ((System.Management.Automation.ProviderInfo)o.Properties["PSProvider"].Value).Name));
            ShortApiAssert.NothingHalfWritten(output, Emulator.Options.OutputBytes);
            Assert.Contains(typeof(FileInfo), DeclaredOutputTypes("Save-ShortApiJobOutput"));
        }

        [Fact]
        public void An_existing_file_is_kept_and_emitted_without_downloading_it_again()
        {
            StartEmulator("-JobSeconds 0.3");
            var jobs = FinishedJobs();
            string output = Folder["videos"];
            Session.Run("$jobs | Save-ShortApiJobOutput -Path $out", ("jobs", jobs), ("out", output)).AssertClean();
            long downloads = Emulator.Stats.Downloads;

            var result = Session.Run("$jobs | Save-ShortApiJobOutput -Path $out -Verbose", ("jobs", jobs), ("out", output)).AssertClean();

            Assert.Equal(3, result.All<FileInfo>().Count);
            Assert.Equal(downloads, Emulator.Stats.Downloads);
            Assert.Equal(3, result.Verbose.Count(v => v.Contains("already exists", StringComparison.Ordinal)));
        }

        [Fact]
        public void Force_downloads_existing_files_again()
        {
            StartEmulator("-JobSeconds 0.3");
            var jobs = FinishedJobs();
            string output = Folder["videos"];
            Session.Run("$jobs | Save-ShortApiJobOutput -Path $out", ("jobs", jobs), ("out", output)).AssertClean();
            long downloads = Emulator.Stats.Downloads;

            Session.Run("$jobs | Save-ShortApiJobOutput -Path $out -Force", ("jobs", jobs), ("out", output)).AssertClean();

            Assert.Equal(downloads + 3, Emulator.Stats.Downloads);
            ShortApiAssert.NothingHalfWritten(output, Emulator.Options.OutputBytes);
        }

        [Fact]
        public void A_download_cut_short_once_is_retried_and_the_saved_file_is_complete()
        {
            StartEmulator("-JobSeconds 0.3");
            var job = FinishedJobs()[0];
            string output = Folder["videos"];
            Emulator.Faults.Enqueue(EmulatorRoute.Download, EmulatorFault.Truncate());

            var result = Session.Run("$job | Save-ShortApiJobOutput -Path $out", ("job", job), ("out", output)).AssertClean();

            Assert.Equal(Emulator.Options.OutputBytes, Assert.Single(result.All<FileInfo>()).Length);
            ShortApiAssert.NothingHalfWritten(output, Emulator.Options.OutputBytes);
        }

        [Fact]
        public void WhatIf_names_each_job_and_the_folder_and_saves_nothing()
        {
            StartEmulator("-JobSeconds 0.3");
            var jobs = FinishedJobs();
            string output = Folder["videos"];

            var result = Session.Run("$jobs | Save-ShortApiJobOutput -Path $out -WhatIf", ("jobs", jobs), ("out", output)).AssertClean();

            Assert.Empty(result.Output);
            var lines = result.HostText.Split('\n').Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, lines.Count);
            Assert.All(jobs, j => Assert.Single(lines, l => l.Contains(j.JobId, StringComparison.Ordinal) && l.Contains(output, StringComparison.Ordinal)));
            Assert.False(Directory.Exists(output));
        }

        [Fact]
        public void Saving_does_not_ask_for_confirmation_even_when_medium_impact_actions_are_confirmed()
        {
            // Saving costs nothing: its impact is Low, below $ConfirmPreference = 'Medium'.
            StartEmulator("-JobSeconds 0.3");
            var jobs = FinishedJobs();

            var result = Session.Run("$ConfirmPreference = 'Medium'; $jobs | Save-ShortApiJobOutput -Path $out", ("jobs", jobs), ("out", Folder["videos"])).AssertClean();

            Assert.Empty(Session.Recorder.Choices);
            Assert.Equal(3, result.All<FileInfo>().Count);
        }

        [Fact]
        public void Saving_reports_progress_under_one_activity_and_completes_it()
        {
            StartEmulator("-JobSeconds 0.3");
            var jobs = FinishedJobs();

            var result = Session.Run("$jobs | Save-ShortApiJobOutput -Path $out", ("jobs", jobs), ("out", Folder["videos"])).AssertClean();

            Assert.NotEmpty(result.Progress);
            Assert.All(result.Progress, p => Assert.Equal("Saving job outputs", p.Activity));
            Assert.Contains(result.Progress, p => p.StatusDescription.StartsWith("3 file(s) saved", StringComparison.Ordinal));
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        }
    }
}
