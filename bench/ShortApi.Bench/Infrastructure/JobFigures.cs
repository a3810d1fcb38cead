using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Bench.Emulation;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>
    /// What the emulator saw of a run's jobs, summed up: queries per job, and lateness (when a query
    /// first saw each job ended, minus when it ended; server side, on the emulator's clock) against
    /// the issue's per-job target of max(1 s, 5 % of the job's length).
    /// </summary>
    internal sealed record JobFigures(
        int Jobs,
        int Undetected,
        double MeanQueries,
        int MaxQueries,
        TimeSpan MedianLateness,
        TimeSpan P95Lateness,
        TimeSpan MaxLateness,
        TimeSpan LatenessTarget)
    {
        public static readonly TimeSpan MinimumLatenessTarget = TimeSpan.FromSeconds(1);

        public const double LatenessShare = 0.05;

        public bool P95WithinTarget => Undetected == 0 && P95Lateness <= LatenessTarget;

        public static JobFigures Of(IReadOnlyList<JobRecord> jobs)
        {
            var late = jobs.Where(j => j.DetectionDelay.HasValue).Select(j => j.DetectionDelay!.Value.TotalSeconds).ToList();
            TimeSpan Pick(double percentile) => late.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Statistics.Percentile(late, percentile));
            var length = jobs.Count == 0 ? TimeSpan.Zero : Statistics.Median(jobs.Select(j => j.Duration));
            return new JobFigures(
                jobs.Count,
                jobs.Count - late.Count,
                jobs.Count == 0 ? 0 : jobs.Average(j => j.Queries),
                jobs.Count == 0 ? 0 : jobs.Max(j => j.Queries),
                Pick(50),
                Pick(95),
                Pick(100),
                TargetFor(length));
        }

        /// <summary>max(1 s, 5 % of the job's length).</summary>
        public static TimeSpan TargetFor(TimeSpan length)
        {
            var share = TimeSpan.FromTicks((long)(length.Ticks * LatenessShare));
            return share > MinimumLatenessTarget ? share : MinimumLatenessTarget;
        }

        public string Lateness => $"{Units.Duration(MedianLateness)} / {Units.Duration(P95Lateness)} / {Units.Duration(MaxLateness)}";

        public string Queries => $"{Units.Number(MeanQueries, "0.00")} / {MaxQueries}";
    }
}
