using System.Collections.Generic;
using System.Linq;
using ShortApi.Bench.Emulation;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>
    /// How hard the client pushed a rate-limited emulator, second by second: what it offered (every
    /// request received, refused ones and their retries included) against the emulator's limit.
    /// </summary>
    internal sealed record OfferedLoad(int PeakPerSecond, int SecondsAbove, int LongestRunAbove, int Seconds, long Refused)
    {
        /// <summary>A second counts as above the limit past this share of it (the token bucket lets a second's worth wait).</summary>
        public const double Tolerance = 1.1;

        public static OfferedLoad Of(IReadOnlyList<SecondRecord> timeline, double limit, bool queries)
        {
            var counts = timeline.Select(s => queries ? s.Queries : s.Creates).ToList();
            int above = 0, run = 0, longest = 0;
            int previous = int.MinValue;
            foreach (var second in timeline)
            {
                int count = queries ? second.Queries : second.Creates;
                bool over = count > limit * Tolerance;
                run = over ? (second.Second == previous + 1 ? run + 1 : 1) : 0;
                above += over ? 1 : 0;
                longest = run > longest ? run : longest;
                previous = over ? second.Second : int.MinValue;
            }

            long refused = timeline.Sum(s => (long)(queries ? s.QueriesLimited : s.CreatesLimited));
            return new OfferedLoad(counts.Count == 0 ? 0 : counts.Max(), above, longest, timeline.Count, refused);
        }
    }
}
