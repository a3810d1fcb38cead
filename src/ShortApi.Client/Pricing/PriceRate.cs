using ShortApi.Catalog.Rules;

namespace ShortApi.Pricing
{
    /// <summary>One line of a price list: when it applies, and a price per request or per second of video.</summary>
    public sealed class PriceRate
    {
        public PriceRate(RuleCondition when, decimal? perRequest, decimal? perSecond)
        {
            When = when ?? RuleCondition.Always;
            PerRequest = perRequest;
            PerSecond = perSecond;
        }

        public RuleCondition When { get; }

        public decimal? PerRequest { get; }

        public decimal? PerSecond { get; }

        /// <summary>The price as it reads: "$0.12/s" or "$0.10 per video".</summary>
        public string Price => PerSecond.HasValue
            ? "$" + CostEstimate.FormatAmount(PerSecond.Value) + "/s"
            : "$" + CostEstimate.FormatAmount(PerRequest ?? 0m) + " per video";

        public override string ToString() => When.IsAlways ? Price : When.Describe() + ": " + Price;
    }
}
