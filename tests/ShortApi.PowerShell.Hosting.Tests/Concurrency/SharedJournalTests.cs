using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Concurrency
{
    /// <summary>Several runspaces (ForEach-Object -Parallel, thread jobs) submitting overlapping inputs with one journal.</summary>
    public sealed class SharedJournalTests : ModuleTest
    {
        [Fact]
        public void Four_runspaces_submitting_the_same_inputs_with_one_journal_create_each_input_once()
        {
            StartEmulator("-JobSeconds 0.3 -LatencyMilliseconds 200");
            string stills = Folder.Stills(copies: 3);
            string journal = Folder["jobs.jsonl"];
            string[] orders = { "Sort-Object Name", "Sort-Object Name -Descending", "Sort-Object Length, Name", "Sort-Object { $_.Name.Length }, Name -Descending" };
            var sessions = new List<PowerShellSession> { Session };
            for (int i = 1; i < orders.Length; i++)
            {
                sessions.Add(new PowerShellSession());
            }

            try
            {
                var running = sessions.Select((s, i) => s.Start(
                    $"Get-ChildItem -Path $stills -Filter *.png | {orders[i]} | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -ThrottleLimit 3 -JournalPath $journal -WarningAction SilentlyContinue",
                    ("stills", stills),
                    ("journal", journal))).ToList();
                var results = running.Select(r => r.Wait()).ToList();
                running.ForEach(r => r.Dispose());

                Assert.Equal(9, Emulator.Stats.JobsCreated);
                var summary = new JournalSummary(ShortApiAssert.JournalIsWhole(journal));
                Assert.Equal(9, summary.CreatedPerInput.Count);
                Assert.All(summary.CreatedPerInput.Values, count => Assert.Equal(1, count));
                Assert.All(results, r => Assert.Null(r.Failure));

                // An input another runspace holds is reported, never sent: its outcome is not known yet, or it exists.
                Assert.All(results.SelectMany(r => r.Errors), e => Assert.Matches(@"^ShortApi\.(CreateOutcomeUnknown|AlreadySubmitted),", e.FullyQualifiedErrorId));
                Assert.Equal(9, results.SelectMany(r => r.All<VideoJob>()).Select(j => j.JobId).Distinct().Count());

                var rerun = Session.Run("Get-ChildItem -Path $stills -Filter *.png | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -JournalPath $journal", ("stills", stills), ("journal", journal)).AssertClean();
                Assert.Equal(9, rerun.All<VideoJob>().Select(j => j.Source).Distinct().Count());
                Assert.Equal(9, Emulator.Stats.JobsCreated);
            }
            finally
            {
                foreach (var session in sessions.Skip(1))
                {
                    session.Dispose();
                }
            }
        }
    }
}
