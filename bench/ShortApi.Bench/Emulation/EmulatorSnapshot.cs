using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Emulator;

namespace ShortApi.Bench.Emulation
{
    /// <summary>What the emulator saw, copied out of it (and across the process boundary as JSON).</summary>
    internal sealed record EmulatorSnapshot(
        long CreateRequests,
        long JobsCreated,
        long QueryRequests,
        long Downloads,
        int PeakCreatesInFlight,
        long QueriesRateLimited,
        long CreatesRateLimited,
        IReadOnlyList<SecondRecord> Timeline,
        IReadOnlyList<JobRecord> Jobs)
    {
        public static EmulatorSnapshot Of(ShortApiEmulator emulator)
        {
            var stats = emulator.Stats;
            var jobs = emulator.Jobs
                .Select(j => new JobRecord(j.Id, j.CreatedAt, j.EndsAt, j.Queries, j.FirstSeenEndedAt))
                .ToList();
            var timeline = stats.Timeline
                .Select(s => new SecondRecord(s.Second, s.Queries, s.Creates, s.QueriesLimited, s.CreatesLimited))
                .ToList();
            return new EmulatorSnapshot(
                stats.CreateRequests, stats.JobsCreated, stats.QueryRequests, stats.Downloads, stats.PeakCreatesInFlight,
                stats.QueriesRateLimited, stats.CreatesRateLimited, timeline, jobs);
        }

        /// <summary>The most queries received in any one second of the emulator's clock.</summary>
        public int PeakQueriesPerSecond => Timeline.Count == 0 ? 0 : Timeline.Max(s => s.Queries);
    }

    /// <summary>What the emulator received in one second of its clock (retries of refused requests included), and how much it refused.</summary>
    internal sealed record SecondRecord(int Second, int Queries, int Creates, int QueriesLimited, int CreatesLimited);

    /// <summary>
    /// One job as the emulator knows it, in the emulator's time (emulated time when its clock is scaled).
    /// The detection delay is measured on the server's side: when a query first saw the job ended, minus when it ended.
    /// </summary>
    internal sealed record JobRecord(string Id, DateTimeOffset CreatedAt, DateTimeOffset EndsAt, int Queries, DateTimeOffset? FirstSeenEndedAt)
    {
        public TimeSpan Duration => EndsAt - CreatedAt;

        public TimeSpan? DetectionDelay => FirstSeenEndedAt - EndsAt;
    }
}
