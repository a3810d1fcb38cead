using System.Globalization;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>
    /// The client's MaxQueriesPerSecond for a run. The default is the process-wide ceiling the
    /// module ships with; the raised one takes it out of the way, to show what else limits a run.
    /// </summary>
    internal sealed record QueryBudget(string Label, double PerSecond)
    {
        public static QueryBudget Default { get; } = new QueryBudget("default", ShortApi.Jobs.RequestBudget.DefaultCeiling);

        /// <summary>High enough that the budget never sets the pace in these runs (the emulator is local).</summary>
        public const double DefaultRaisedPerSecond = 1000;

        public static QueryBudget Raised(double perSecond = DefaultRaisedPerSecond) => new QueryBudget("raised", perSecond);

        public override string ToString() => $"{Label} ({PerSecond.ToString("0", CultureInfo.InvariantCulture)}/s)";
    }
}
