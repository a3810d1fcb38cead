using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>The few summaries the report needs.</summary>
    internal static class Statistics
    {
        /// <summary>The nearest-rank percentile (p in 0..100) of <paramref name="values"/>.</summary>
        public static double Percentile(IEnumerable<double> values, double p)
        {
            var sorted = values.OrderBy(v => v).ToList();
            if (sorted.Count == 0)
            {
                return double.NaN;
            }

            int rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }

        public static double Median(IEnumerable<double> values) => Percentile(values, 50);

        public static TimeSpan Median(IEnumerable<TimeSpan> values) => TimeSpan.FromTicks((long)Median(values.Select(v => (double)v.Ticks)));
    }
}
