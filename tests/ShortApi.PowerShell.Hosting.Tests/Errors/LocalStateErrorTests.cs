using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Errors
{
    /// <summary>The user's own limits and files: the budget, the journal, catalog files.</summary>
    public sealed class LocalStateErrorTests : ModuleTest
    {
        private const string Submit = "New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan'";

        [Fact]
        public void MaxCost_stops_submitting_with_one_BudgetExceeded_error_naming_the_jobs_and_the_first_input_not_sent()
        {
            StartEmulator();
            string stills = Folder.Stills();

            var result = Session.Run($"Get-ChildItem -Path $stills -Filter *.png | Sort-Object Name | {Submit} -MaxCost 1.30", ("stills", stills));

            // Not terminating: the jobs already paid for flow on down the pipeline.
            var error = ShortApiAssert.SingleError(result, "BudgetExceeded", ErrorCategory.LimitsExceeded);
            Assert.Equal(Path.Combine(stills, "sunrise.png"), error.TargetObject);
            Assert.Contains("1.30", error.Exception.Message, StringComparison.Ordinal);
            Assert.All(result.All<VideoJob>(), j => Assert.Contains(j.JobId, error.Exception.Message, StringComparison.Ordinal));
            // Jobs come out as their creates land, not in input order.
            Assert.Equal(new[] { "forest.png", "harbor.png" }, result.All<VideoJob>().Select(j => Path.GetFileName(j.Source)).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(2, Emulator.Stats.JobsCreated);
        }

        [Fact]
        public void A_journal_that_was_never_written_stops_Get_ShortApiJob_with_JournalError_naming_it()
        {
            StartEmulator();
            string journal = Folder["never-written.jsonl"];

            var result = Session.Run("Get-ShortApiJob -JournalPath $journal", ("journal", journal));

            var error = ShortApiAssert.Terminated(result, "JournalError", ErrorCategory.WriteError);
            Assert.Equal(journal, error.TargetObject);
            Assert.Contains(journal, error.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_broken_catalog_file_stops_Connect_ShortApi_with_CatalogInvalid_naming_the_file()
        {
            string catalog = Folder["models.json"];
            File.WriteAllText(catalog, "{ \"models\": [ { \"id\": ");

            var result = Session.Run("Connect-ShortApi -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -CatalogPath $catalog", ("catalog", catalog));

            var error = ShortApiAssert.Terminated(result, "CatalogInvalid", ErrorCategory.InvalidData);
            Assert.Contains(catalog, error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(catalog, error.TargetObject);

            // The broken file was not taken: the catalog still answers.
            var model = Session.Run("Get-ShortApiModel vidu-q3").AssertClean().All<ShortApi.Catalog.ModelDefinition>().Single();
            Assert.Equal("vidu-q3", model.ShortName);
        }

        [Fact]
        public void A_rerun_with_the_same_journal_warns_once_passes_each_job_on_and_creates_nothing()
        {
            StartEmulator();
            string stills = Folder.Stills();
            string journal = Folder["jobs.jsonl"];
            string batch = $"Get-ChildItem -Path $stills -Filter *.png | {Submit} -JournalPath $journal";
            var first = Session.Run(batch, ("stills", stills), ("journal", journal)).AssertClean().All<VideoJob>();

            var rerun = Session.Run(batch, ("stills", stills), ("journal", journal)).AssertClean();

            Assert.Equal(first.Select(j => j.JobId).OrderBy(i => i, StringComparer.Ordinal), rerun.All<VideoJob>().Select(j => j.JobId).OrderBy(i => i, StringComparer.Ordinal));
            string warning = Assert.Single(rerun.Warnings);
            Assert.StartsWith("3 input(s) were already submitted", warning, StringComparison.Ordinal);
            Assert.Equal(3, Emulator.Stats.JobsCreated);
        }

        [Fact]
        public void An_input_another_run_created_while_this_one_asked_to_confirm_is_passed_on_and_not_sent()
        {
            // Two runs share a journal: the other run's "created" line lands between this run's
            // look-up and its claim (here, while -Confirm waits), so the claim finds the job.
            StartEmulator();
            string otherJournal = Folder["other.jsonl"];
            string journal = Folder["jobs.jsonl"];
            var other = Session.Run($"{Submit} -Image https://img.example/a.png -JournalPath $journal", ("journal", otherJournal)).AssertClean().All<VideoJob>().Single();
            string createdLine = File.ReadAllLines(otherJournal).Single(l => l.Contains(other.JobId, StringComparison.Ordinal));
            Session.Recorder.ChoiceAnswer = "Yes";
            Session.Recorder.OnChoice = _ => File.AppendAllText(journal, createdLine + "\n");

            var result = Session.Run($"{Submit} -Image https://img.example/a.png -JournalPath $journal -Confirm", ("journal", journal)).AssertClean();

            // The claim found the other run's job: it is handed on as if this run had made it.
            Assert.Equal(other.JobId, result.All<VideoJob>().Single().JobId);
            Assert.Contains("already submitted", Assert.Single(result.Warnings), StringComparison.Ordinal);
            Assert.Equal(1, Emulator.Stats.JobsCreated);
        }

        [Fact]
        public void A_journal_path_that_is_a_folder_stops_the_command_once_naming_it()
        {
            StartEmulator();
            string stills = Folder.Stills();
            string folder = Folder["journals"];
            Directory.CreateDirectory(folder);

            var result = Session.Run($"Get-ChildItem -Path $stills -Filter *.png | {Submit} -JournalPath $folder", ("stills", stills), ("folder", folder));

            var error = ShortApiAssert.Terminated(result, "JournalError", ErrorCategory.WriteError);
            Assert.Equal(folder, error.TargetObject);
            Assert.Contains("is a folder", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(0, Emulator.Stats.CreateRequests);
        }
    }
}
