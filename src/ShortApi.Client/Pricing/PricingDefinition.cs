using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Pricing
{
    /// <summary>A model's price list: the first rate whose condition holds prices the job.</summary>
    public sealed class PricingDefinition
    {
        public static readonly PricingDefinition None = new PricingDefinition(Array.Empty<PriceRate>(), "The catalog has no price for this model.");

        public PricingDefinition(IReadOnlyList<PriceRate> rates, string? note, string currency = "USD", string durationParameter = "duration")
        {
            Rates = rates ?? Array.Empty<PriceRate>();
            Note = note;
            Currency = currency;
            DurationParameter = durationParameter;
        }

        public IReadOnlyList<PriceRate> Rates { get; }

        /// <summary>What the page leaves open, or an assumption made; shown with every estimate.</summary>
        public string? Note { get; }

        public string Currency { get; }

        /// <summary>The argument that holds the video length, for per-second rates.</summary>
        public string DurationParameter { get; }

        /// <summary>The range of prices in one phrase: "$0.056-0.128/s" or "$0.128-0.935 per video".</summary>
        public string Summary
        {
            get
            {
                var parts = new List<string>();
                var perSecond = Rates.Where(r => r.PerSecond.HasValue).Select(r => r.PerSecond!.Value).ToList();
                var perRequest = Rates.Where(r => r.PerRequest.HasValue).Select(r => r.PerRequest!.Value).ToList();
                if (perSecond.Count > 0)
                {
                    parts.Add(Range(perSecond) + "/s");
                }

                if (perRequest.Count > 0)
                {
                    parts.Add(Range(perRequest) + " per video");
                }

                return parts.Count == 0 ? "unknown" : string.Join(" or ", parts);
            }
        }

        /// <summary>Every rate as a line: "mode 'pro' and resolution '720p': $0.12/s".</summary>
        public IReadOnlyList<string> Lines => Rates.Select(r => r.ToString()).ToList();

        /// <summary>The rates as a small text table for people to read (see <see cref="PriceTable"/>).</summary>
        public IReadOnlyList<string> Table => PriceTable.Lay(this);

        private static string Range(List<decimal> values)
        {
            decimal low = values.Min();
            decimal high = values.Max();
            return low == high ? "$" + CostEstimate.FormatAmount(low) : "$" + CostEstimate.FormatAmount(low) + "-" + CostEstimate.FormatAmount(high);
        }
    }
}
