using System.Collections.Generic;
using System.Linq;
using ShortApi.Bench.Emulation;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>
    /// How hard the client pushed a rate-limited emulator, second by second. The emulator's limit is
    /// a token bucket, so a second may take more than the limit after quieter ones; whether the
    /// client was over the limit is the emulator's own verdict: the seconds in which it refused requests.
    /// </summary>
    internal sealed record OfferedLoad(int PeakPerSecond, double MeanPerSecond, int SecondsRefusing, int LongestRunRefusing, int Seconds, long Refused)
    {
        public static OfferedLoad Of(IReadOnlyList<SecondRecord> timeline, bool queries)
        {
            int refusing = 0, run = 0, longest = 0;
            int previous = int.MinValue;
            foreach (var second in timeline)
            {
                bool over = (queries ? second.QueriesLimited : second.CreatesLimited) > 0;
                run = over ? (second.Second == previous + 1 ? run + 1 : 1) : 0;
                refusing += over ? 1 : 0;
                longest = run > longest ? run : longest;
                previous = over ? second.Second : int.MinValue;
            }

            var counts = timeline.Select(s => queries ? s.Queries : s.Creates).ToList();
            int seconds = timeline.Count == 0 ? 0 : timeline.Max(s => s.Second) - timeline.Min(s => s.Second) + 1;
            long refused = timeline.Sum(s => (long)(queries ? s.QueriesLimited : s.CreatesLimited));
            return new OfferedLoad(
                counts.Count == 0 ? 0 : counts.Max(),
                seconds == 0 ? 0 : (double)counts.Sum() / seconds,
                refusing,
                longest,
                seconds,
                refused);
        }
    }
}
