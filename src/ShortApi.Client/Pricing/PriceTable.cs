using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog;

namespace ShortApi.Pricing
{
    /// <summary>
    /// Lays a price list out as a small text table: a column per parameter the prices depend on,
    /// then the price. When every rate is per video and depends on the video's length, each
    /// length gets its own price column ("5 s", "8 s"), so pixverse-5.5's 32 rates read as 12 rows
    /// rather than 32 sentences of "and". A length a row has no price for shows "-".
    /// </summary>
    public static class PriceTable
    {
        private const string Gap = "  ";

        public static IReadOnlyList<string> Lay(PricingDefinition pricing)
        {
            var rates = pricing.Rates;
            if (rates.Count == 0)
            {
                return Array.Empty<string>();
            }

            // A condition on how many items a list holds does not fit a column of values: keep the sentences.
            if (rates.Any(r => r.When.Counts.Count > 0))
            {
                return pricing.Lines;
            }

            var keys = rates.SelectMany(r => r.When.Values.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (keys.Count == 0)
            {
                return rates.Select(r => r.Price).ToList();
            }

            string? length = keys.FirstOrDefault(k => string.Equals(k, pricing.DurationParameter, StringComparison.OrdinalIgnoreCase));
            bool byLength = length != null && rates.All(r => r.PerRequest.HasValue && ValueOf(r, length) != null);
            return byLength ? ByLength(rates, keys, length!) : OneRowPerRate(rates, keys);
        }

        private static IReadOnlyList<string> OneRowPerRate(IReadOnlyList<PriceRate> rates, List<string> keys)
        {
            var header = keys.Concat(new[] { "price" }).ToList();
            var rows = rates.Select(r => keys.Select(k => ValueOf(r, k) ?? "any").Concat(new[] { r.Price }).ToList()).ToList();
            return Align(header, rows, rightAlignedFrom: header.Count);
        }

        private static IReadOnlyList<string> ByLength(IReadOnlyList<PriceRate> rates, List<string> keys, string length)
        {
            var rowKeys = keys.Where(k => !string.Equals(k, length, StringComparison.OrdinalIgnoreCase)).ToList();
            var lengths = rates.Select(r => ValueOf(r, length)!).Distinct(StringComparer.Ordinal).ToList();
            var groups = rates
                .GroupBy(r => string.Join("\n", rowKeys.Select(k => ValueOf(r, k) ?? "any")), StringComparer.Ordinal)
                .ToList();

            var header = rowKeys.Concat(lengths.Select(l => l + " s")).ToList();
            var rows = groups.Select(g =>
            {
                var first = g.First();
                var cells = rowKeys.Select(k => ValueOf(first, k) ?? "any").ToList();
                foreach (string seconds in lengths)
                {
                    var rate = g.FirstOrDefault(r => ValueOf(r, length) == seconds);
                    cells.Add(rate == null ? "-" : "$" + CostEstimate.FormatAmount(rate.PerRequest!.Value));
                }

                return cells;
            }).ToList();
            return Align(header, rows, rightAlignedFrom: rowKeys.Count);
        }

        /// <summary>The condition's value for a parameter, as it reads; null when the rate does not depend on it.</summary>
        private static string? ValueOf(PriceRate rate, string key)
        {
            foreach (var pair in rate.When.Values)
            {
                if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    return WireValue.Format(pair.Value);
                }
            }

            return null;
        }

        /// <summary>Pads each column to its widest cell: text to the left, prices (from a column on) to the right.</summary>
        private static IReadOnlyList<string> Align(List<string> header, List<List<string>> rows, int rightAlignedFrom)
        {
            var all = new[] { header }.Concat(rows).ToList();
            var widths = Enumerable.Range(0, header.Count).Select(i => all.Max(r => r[i].Length)).ToList();
            return all.Select(r => string.Join(Gap, r.Select((cell, i) => i >= rightAlignedFrom ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd()).ToList();
        }
    }
}
