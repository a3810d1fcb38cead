using System;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>What scenarios share: the settings, the warm-up's measurements, and figures one scenario compares with another's.</summary>
    internal sealed class BenchContext
    {
        public BenchContext(BenchSettings settings, TimeSpan oneDownload)
        {
            Settings = settings;
            OneDownload = oneDownload;
        }

        public BenchSettings Settings { get; }

        /// <summary>The time of one output download, measured once: the last term of the ideal batch time.</summary>
        public TimeSpan OneDownload { get; }

        /// <summary>Scenario 1's wall time for its batch of 4 s jobs at default settings, for the comparisons of scenarios 2 and 3.</summary>
        public (int Jobs, TimeSpan Wall)? DefaultBatchWall { get; set; }
    }
}
