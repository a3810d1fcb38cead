using System;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Emulator.Wire;
using ShortApi.Pricing;

namespace ShortApi.Emulator.Handlers
{
    /// <summary>
    /// The amount a create answers: the documented price of these args. The emulator keeps no
    /// price list of its own; it reads the prices in the built-in catalog (the pages' prices), and
    /// only prices, since whether the args are acceptable was decided by the pages already.
    /// </summary>
    internal static class ListPrice
    {
        /// <summary>The price, or null for a model the built-in catalog does not price.</summary>
        public static decimal? For(string modelId, WireObject args)
        {
            var model = ModelCatalog.BuiltIn.Models.FirstOrDefault(m => string.Equals(m.Id, modelId, StringComparison.Ordinal));
            if (model == null)
            {
                return null;
            }

            // Prices read only scalars (resolution, duration, mode); an image's content never matters.
            var plain = args.ToDictionary(p => p.Key, p => p.Value is LargeString ? "(image)" : p.Value, StringComparer.OrdinalIgnoreCase);
            return CostEstimator.Estimate(new EffectiveArguments(model, plain)).Amount;
        }
    }
}
