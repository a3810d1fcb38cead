using System;
using System.Collections.Generic;

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
    }
}
