using System.Collections.Generic;

namespace ShortApi.Bench.Reporting
{
    /// <summary>One scenario's section of RESULTS.md: how it was run, its table, its targets, and notes.</summary>
    internal sealed class ScenarioReport
    {
        public ScenarioReport(string title)
        {
            Title = title;
        }

        public string Title { get; }

        /// <summary>How the scenario was run (one bullet each).</summary>
        public List<string> Setup { get; } = new List<string>();

        public List<ReportTable> Tables { get; } = new List<ReportTable>();

        public List<TargetCheck> Checks { get; } = new List<TargetCheck>();

        /// <summary>Observations and caveats, in plain sentences.</summary>
        public List<string> Notes { get; } = new List<string>();

        /// <summary>Set when the scenario could not finish; the section then says why.</summary>
        public string? Failure { get; set; }
    }

    /// <summary>A figure with a target from the issue, and whether this run met it.</summary>
    internal sealed record TargetCheck(string Figure, string Measured, string Target, bool Met)
    {
        public string Verdict => Met ? "PASS" : "MISS";
    }

    /// <summary>A Markdown table, with an optional caption above it.</summary>
    internal sealed class ReportTable
    {
        public ReportTable(string? caption, params string[] headers)
        {
            Caption = caption;
            Headers = headers;
        }

        public string? Caption { get; }

        public IReadOnlyList<string> Headers { get; }

        public List<IReadOnlyList<string>> Rows { get; } = new List<IReadOnlyList<string>>();

        public void Add(params string[] cells) => Rows.Add(cells);
    }
}
