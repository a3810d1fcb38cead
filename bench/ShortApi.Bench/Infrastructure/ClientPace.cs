namespace ShortApi.Bench.Infrastructure
{
    /// <summary>
    /// The pace settings a run gives the client: none (the module's defaults, which adapt), or the
    /// explicit ceilings a user would pass (New-ShortApiVideoJob -ThrottleLimit, Connect-ShortApi
    /// -MaxQueriesPerSecond).
    /// </summary>
    internal sealed record ClientPace(string Label, int? ThrottleLimit, double? MaxQueriesPerSecond)
    {
        public static ClientPace Defaults { get; } = new ClientPace("default settings", null, null);

        /// <summary>The hand-tuned settings, as explicit ceilings.</summary>
        public static ClientPace Tuned { get; } = new ClientPace("set: -ThrottleLimit 16, -MaxQueriesPerSecond 200", 16, 200);

        public override string ToString() => Label;
    }
}
