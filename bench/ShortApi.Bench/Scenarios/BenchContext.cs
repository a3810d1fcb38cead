using System;
using System.Collections.Generic;
using ShortApi.Bench.Infrastructure;

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

        /// <summary>Scenario 1's wall time at the target throttle, per query budget, for scenario 2's speed-up.</summary>
        public Dictionary<QueryBudget, TimeSpan> TargetThrottleWall { get; } = new Dictionary<QueryBudget, TimeSpan>();
    }
}
