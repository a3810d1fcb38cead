using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ShortApi.Bench.Reporting
{
    /// <summary>Renders the run as Markdown: the machine, every target at a glance, then each scenario in full.</summary>
    internal static class ResultsWriter
    {
        public static void Write(string path, RunInfo run, IReadOnlyList<ScenarioReport> reports)
        {
            var md = new StringBuilder();
            md.AppendLine("# ShortApi client benchmark");
            md.AppendLine();
            md.AppendLine($"Written by `{run.Command}` ({(run.Quick ? "**quick trial: smaller batches, not the figures of record**" : "full run")}), " +
                          $"in {run.Duration.TotalMinutes:0.0} min. Every figure is measured against the local emulator on 127.0.0.1; nothing here is asserted by a test.");
            md.AppendLine();
            md.AppendLine("## Machine");
            md.AppendLine();
            md.AppendLine("| | |");
            md.AppendLine("| --- | --- |");
            md.AppendLine($"| OS | {Escape(run.Machine.OperatingSystem)} |");
            md.AppendLine($"| CPU | {Escape(run.Machine.Cpu)} |");
            md.AppendLine($"| Cores | {run.Machine.Cores} |");
            md.AppendLine($"| .NET | {Escape(run.Machine.Runtime)} |");
            md.AppendLine($"| Date | {run.Started:yyyy-MM-dd HH:mm} UTC |");
            md.AppendLine($"| Source | {Escape(run.Source)} |");
            md.AppendLine($"| Load average (1/5/15 min) | at start {run.Machine.LoadAverage}; at end {run.LoadAverageAtEnd} |");
            md.AppendLine();
            md.AppendLine("The machine was shared with other work while this ran, so wall times and CPU figures carry noise; " +
                          "the emulator runs in a child process (except where a scaled clock must be shared), so the client's memory and CPU figures are its own.");
            md.AppendLine();

            md.AppendLine("## Targets");
            md.AppendLine();
            md.AppendLine("| Scenario | Figure | Measured | Target | Verdict |");
            md.AppendLine("| --- | --- | --- | --- | --- |");
            foreach (var report in reports)
            {
                if (report.Failure != null)
                {
                    md.AppendLine($"| {Escape(report.Title)} | (scenario failed) | {Escape(report.Failure)} | | MISS |");
                }

                foreach (var check in report.Checks)
                {
                    md.AppendLine($"| {Escape(report.Title)} | {Escape(check.Figure)} | {Escape(check.Measured)} | {Escape(check.Target)} | **{check.Verdict}** |");
                }
            }

            md.AppendLine();
            foreach (var report in reports)
            {
                WriteScenario(md, report);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, md.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        }

        private static void WriteScenario(StringBuilder md, ScenarioReport report)
        {
            md.AppendLine($"## {report.Title}");
            md.AppendLine();
            foreach (string line in report.Setup)
            {
                md.AppendLine($"- {line}");
            }

            if (report.Setup.Count > 0)
            {
                md.AppendLine();
            }

            if (report.Failure != null)
            {
                md.AppendLine($"**The scenario failed:** {report.Failure}");
                md.AppendLine();
            }

            foreach (var table in report.Tables)
            {
                if (table.Caption != null)
                {
                    md.AppendLine(table.Caption);
                    md.AppendLine();
                }

                md.AppendLine("| " + string.Join(" | ", table.Headers.Select(Escape)) + " |");
                md.AppendLine("|" + string.Concat(table.Headers.Select(_ => " --- |")));
                foreach (var row in table.Rows)
                {
                    md.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
                }

                md.AppendLine();
            }

            foreach (string note in report.Notes)
            {
                md.AppendLine(note);
                md.AppendLine();
            }
        }

        private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }

    /// <summary>About the run as a whole.</summary>
    internal sealed record RunInfo(string Command, bool Quick, DateTimeOffset Started, TimeSpan Duration, MachineInfo Machine, string LoadAverageAtEnd, string Source);
}
