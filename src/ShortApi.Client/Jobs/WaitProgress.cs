using System;

namespace ShortApi.Jobs
{
    /// <summary>Where a wait stands: how many jobs are done, failed, timed out, how long it has taken and how many status queries it sent.</summary>
    public sealed record WaitProgress(int Total, int Succeeded, int Failed, int TimedOut, TimeSpan Elapsed, long Queries)
    {
        public int Running => Math.Max(0, Total - Succeeded - Failed - TimedOut);

        public int Done => Succeeded + Failed + TimedOut;

        public int PercentComplete => Total == 0 ? 0 : (int)(100L * Done / Total);
    }
}
