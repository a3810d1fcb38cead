using System;

namespace ShortApi.Jobs
{
    /// <summary>Where a wait stands: how many jobs are done, failed, still running, and how long it has taken.</summary>
    public sealed class WaitProgress
    {
        public WaitProgress(int total, int succeeded, int failed, int timedOut, TimeSpan elapsed, long queries)
        {
            Total = total;
            Succeeded = succeeded;
            Failed = failed;
            TimedOut = timedOut;
            Elapsed = elapsed;
            Queries = queries;
        }

        public int Total { get; }

        public int Succeeded { get; }

        public int Failed { get; }

        public int TimedOut { get; }

        public int Running => Math.Max(0, Total - Succeeded - Failed - TimedOut);

        public int Done => Succeeded + Failed + TimedOut;

        public TimeSpan Elapsed { get; }

        /// <summary>Status queries sent so far.</summary>
        public long Queries { get; }

        public int PercentComplete => Total == 0 ? 0 : (int)(100L * Done / Total);
    }
}
