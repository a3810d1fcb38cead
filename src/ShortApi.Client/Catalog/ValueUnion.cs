using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShortApi.Catalog
{
    /// <summary>
    /// The values several models allow for one parameter, as one list to offer: each value once
    /// whatever its case ("720p" and happyhorse's "720P"), spelled as most models spell it (the
    /// options match without regard to case), and quantities such as "5" or "540p" in numeric order.
    /// </summary>
    internal static class ValueUnion
    {
        private static readonly Regex Quantity = new Regex(@"^(?<number>\d+(\.\d+)?)[A-Za-z]*$", RegexOptions.CultureInvariant);

        public static IReadOnlyList<string> Of(IEnumerable<IEnumerable<string>> perModel)
        {
            var spellings = perModel.SelectMany(values => values.Distinct(StringComparer.Ordinal)).ToList();
            var values = spellings
                .GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(s => s.Count()).First().Key)
                .ToList();

            return values.All(v => Quantity.IsMatch(v))
                ? values.OrderBy(NumberOf).ToList()
                : values;
        }

        private static decimal NumberOf(string value) =>
            decimal.Parse(Quantity.Match(value).Groups["number"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
    }
}
