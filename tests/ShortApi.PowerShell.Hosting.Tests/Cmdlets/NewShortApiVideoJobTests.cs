using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Cmdlets
{
    /// <summary>New-ShortApiVideoJob as a user drives it: what binds from the pipeline, what comes out, -WhatIf and -Confirm.</summary>
    public sealed class NewShortApiVideoJobTests : ModuleTest
    {
        private const string Submit = "New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan'";

        [Fact]
        public void Each_file_from_Get_ChildItem_becomes_one_job_object_with_the_file_as_its_source()
        {
            StartEmulator();
            string stills = Folder.Stills();

            var result = Session.Run($"Get-ChildItem -Path $stills -Filter *.png | {Submit}", ("stills", stills)).AssertClean();

            var jobs = result.All<VideoJob>();
            Assert.Equal(
                TestFolder.SampleStills.Select(s => Path.Combine(stills, s)).OrderBy(s => s, StringComparer.Ordinal),
                jobs.Select(j => j.Source).OrderBy(s => s, StringComparer.Ordinal));
            Assert.All(jobs, j =>
            {
                Assert.Equal("vidu/vidu-q3/image-to-video", j.Model);
                Assert.Equal("a slow pan", j.Prompt);
                Assert.Equal(0.60m, j.EstimatedCost);
                Assert.NotNull(j.Amount);
                Assert.Equal(Emulator.BaseAddress.AbsoluteUri.TrimEnd('/'), j.Endpoint);
            });
            Assert.Equal(3, jobs.Select(j => j.JobId).Distinct().Count());
            Assert.Equal(3, Emulator.Stats.JobsCreated);
            Assert.Contains(typeof(VideoJob), DeclaredOutputTypes("New-ShortApiVideoJob"));
        }

        [Fact]
        public void Files_piped_in_do_not_bind_their_Mode_property_to_the_model_mode()
        {
            // A file's Mode is "-a---" or "-rw-r--r--"; vidu-q3 has a mode parameter that must keep its default.
            StartEmulator();
            string stills = Folder.Stills();

            var result = Session.Run($"Get-ChildItem -Path $stills -Filter *.png | {Submit}", ("stills", stills)).AssertClean();

            Assert.All(result.All<VideoJob>(), j => Assert.Equal("pro", j.Arguments["mode"]));
        }

        [Fact]
        public void Url_strings_piped_in_are_sent_as_the_image_url()
        {
            StartEmulator();

            var result = Session.Run($"'https://img.example/a.png', 'https://img.example/b.png' | {Submit}").AssertClean();

            Assert.Equal(new[] { "https://img.example/a.png", "https://img.example/b.png" }, result.All<VideoJob>().Select(j => j.Source).OrderBy(s => s, StringComparer.Ordinal));
        }

        [Fact]
        public void Csv_rows_bind_model_prompt_image_and_model_parameters_by_column()
        {
            StartEmulator();
            string stills = Folder.Stills();
            string csv = Folder["jobs.csv"];
            File.WriteAllLines(csv, new[]
            {
                "Model,Prompt,Image,Resolution,Duration,AspectRatio",
                $"pixverse-5.5,waves roll in,{Path.Combine(stills, "harbor.png")},540p,8,9:16",
                $"pixverse-5.5,leaves drift,{Path.Combine(stills, "forest.png")},1080p,5,1:1",
            });

            var result = Session.Run("Import-Csv -Path $csv | New-ShortApiVideoJob", ("csv", csv)).AssertClean();

            var jobs = result.All<VideoJob>().OrderBy(j => j.Prompt, StringComparer.Ordinal).ToList();
            Assert.Equal(2, jobs.Count);
            Assert.Equal(("leaves drift", Path.Combine(stills, "forest.png"), "pixverse/pixverse-5.5/image-to-video"), (jobs[0].Prompt, jobs[0].Source, jobs[0].Model));
            Assert.Equal(("1080p", "5", "1:1"), (jobs[0].Arguments["resolution"], jobs[0].Arguments["duration"], jobs[0].Arguments["aspect_ratio"]));
            Assert.Equal(("waves roll in", Path.Combine(stills, "harbor.png")), (jobs[1].Prompt, jobs[1].Source));
            Assert.Equal(("540p", "8", "9:16"), (jobs[1].Arguments["resolution"], jobs[1].Arguments["duration"], jobs[1].Arguments["aspect_ratio"]));
        }

        [Fact]
        public void A_csv_column_named_for_a_switch_does_not_turn_the_switch_on()
        {
            // "False" from a CSV is a non-empty string, which PowerShell would read as $true for a switch.
            StartEmulator();
            string csv = Folder["jobs.csv"];
            File.WriteAllLines(csv, new[] { "Prompt,Image,GenerateAudio,MultiShot", "waves,https://img.example/a.png,False,False" });

            var result = Session.Run("Import-Csv -Path $csv | New-ShortApiVideoJob -Model pixverse-5.5", ("csv", csv)).AssertClean();

            var job = Assert.Single(result.All<VideoJob>());
            Assert.NotEqual(true, job.Arguments.TryGetValue("generate_audio", out var audio) ? audio : null);
            Assert.NotEqual(true, job.Arguments.TryGetValue("multi_shot", out var shots) ? shots : null);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(65)]
        public void A_throttle_limit_outside_1_to_64_is_refused_before_anything_is_sent(int limit)
        {
            StartEmulator();

            var result = Session.Run($"{Submit} -Image https://img.example/a.png -ThrottleLimit {limit}");

            Assert.StartsWith("ParameterArgumentValidationError,", result.Failure?.FullyQualifiedErrorId);
            Assert.Equal(0, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void The_largest_throttle_limit_64_is_accepted()
        {
            StartEmulator();

            var result = Session.Run($"{Submit} -Image https://img.example/a.png -ThrottleLimit 64").AssertClean();

            Assert.Single(result.All<VideoJob>());
        }

        [Fact]
        public void WhatIf_names_each_input_the_model_and_its_estimated_cost_and_sends_nothing()
        {
            StartEmulator();
            string stills = Folder.Stills();

            var result = Session.Run($"Get-ChildItem -Path $stills -Filter *.png | {Submit} -WhatIf", ("stills", stills)).AssertClean();

            Assert.Empty(result.Output);
            var lines = result.HostText.Split('\n').Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, lines.Count);
            foreach (string still in TestFolder.SampleStills)
            {
                string line = Assert.Single(lines, l => l.Contains(Path.Combine(stills, still), StringComparison.Ordinal));
                Assert.Contains("vidu-q3", line, StringComparison.Ordinal);
                Assert.Contains("0.60 USD", line, StringComparison.Ordinal);
                Assert.Contains("$0.12/s", line, StringComparison.Ordinal);
            }

            Assert.Equal(0, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void WhatIf_with_MaxCost_shows_the_jobs_within_the_budget_then_where_it_would_stop()
        {
            StartEmulator();
            string stills = Folder.Stills();

            var result = Session.Run($"Get-ChildItem -Path $stills -Filter *.png | Sort-Object Name | {Submit} -MaxCost 1.30 -WhatIf", ("stills", stills));

            var lines = result.HostText.Split('\n').Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, lines.Count);
            Assert.Contains("forest.png", lines[0], StringComparison.Ordinal);
            Assert.Contains("harbor.png", lines[1], StringComparison.Ordinal);
            var stop = ShortApiAssert.SingleError(result, "BudgetExceeded", ErrorCategory.LimitsExceeded);
            Assert.Contains("2 job(s) would have been submitted", stop.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(Path.Combine(stills, "sunrise.png"), stop.TargetObject);
            Assert.Equal(0, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void Confirm_answered_no_asks_once_per_input_with_its_cost_and_submits_nothing()
        {
            StartEmulator();
            string stills = Folder.Stills();
            Session.Recorder.ChoiceAnswer = "No";

            var result = Session.Run($"Get-ChildItem -Path $stills -Filter *.png | {Submit} -Confirm", ("stills", stills)).AssertClean();

            Assert.Empty(result.Output);
            var prompts = Session.Recorder.Choices;
            Assert.Equal(3, prompts.Count);
            Assert.All(prompts, p => Assert.Contains("0.60 USD", p.Message, StringComparison.Ordinal));
            Assert.Equal(
                TestFolder.SampleStills.OrderBy(s => s, StringComparer.Ordinal),
                prompts.Select(p => TestFolder.SampleStills.Single(s => p.Message.Contains(Path.Combine(stills, s), StringComparison.Ordinal))).OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(0, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void Submitting_asks_for_confirmation_when_the_user_confirms_medium_impact_actions()
        {
            // Each job costs money: the cmdlet's impact is Medium, so $ConfirmPreference = 'Medium' makes it ask.
            StartEmulator();
            Session.Recorder.ChoiceAnswer = "No";

            var result = Session.Run($"$ConfirmPreference = 'Medium'; {Submit} -Image https://img.example/a.png").AssertClean();

            Assert.Single(Session.Recorder.Choices);
            Assert.Empty(result.Output);
            Assert.Equal(0, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void Submitting_does_not_ask_at_the_default_confirm_preference()
        {
            StartEmulator();

            var result = Session.Run($"{Submit} -Image https://img.example/a.png").AssertClean();

            Assert.Empty(Session.Recorder.Choices);
            Assert.Single(result.All<VideoJob>());
        }

        [Fact]
        public void Submitting_reports_progress_under_one_activity_and_completes_it()
        {
            StartEmulator();
            string stills = Folder.Stills();

            var result = Session.Run($"Get-ChildItem -Path $stills -Filter *.png | {Submit}", ("stills", stills)).AssertClean();

            Assert.NotEmpty(result.Progress);
            Assert.All(result.Progress, p => Assert.Equal("Submitting video jobs", p.Activity));
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        }

        [Fact]
        public void A_prompt_the_model_would_cut_is_a_warning_before_anything_is_submitted()
        {
            // -WhatIf: the emulator itself refuses text over 4 KB (see the report), so nothing is sent here.
            StartEmulator();

            var result = Session.Run("New-ShortApiVideoJob -Model happyhorse-1.0 -Prompt ('a slow pan ' * 600) -Image https://img.example/a.png -WhatIf").AssertClean();

            string warning = Assert.Single(result.Warnings);
            Assert.Contains("5,000", warning, StringComparison.Ordinal);
            Assert.Contains("What if:", result.HostText, StringComparison.Ordinal);
        }
    }
}
