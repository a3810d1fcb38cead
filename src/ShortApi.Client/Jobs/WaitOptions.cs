using System;
using ShortApi.Journal;

namespace ShortApi.Jobs
{
    /// <summary>How a wait behaves.</summary>
    public sealed class WaitOptions
    {
        /// <summary>How long to wait in all; null to wait until every job ends.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>A fixed poll interval; null for the default cadence that adapts to each job's age.</summary>
        public TimeSpan? PollInterval { get; set; }

        /// <summary>Save each successful job's outputs here as soon as it ends; null not to download.</summary>
        public string? DownloadDirectory { get; set; }

        /// <summary>
        /// Take jobs as they are, without asking about them: successes are downloaded, and every
        /// other job is reported as having nothing to download.
        /// </summary>
        public bool DownloadOnly { get; set; }

        /// <summary>Replace existing output files instead of keeping them.</summary>
        public bool Overwrite { get; set; }

        /// <summary>Record final states and saved files here.</summary>
        public JobJournal? Journal { get; set; }

        /// <summary>
        /// Queries in flight at once. The client's shared per-second budget paces them; this only
        /// keeps a slow service from tying up without end: 64 lets the budget's 400/s ceiling
        /// through while an answer takes up to 160 ms (16, before, held a 200 ms service to 80/s).
        /// </summary>
        public int MaxConcurrentQueries { get; set; } = 64;

        /// <summary>Downloads in flight at once.</summary>
        public int MaxConcurrentDownloads { get; set; } = 4;
    }
}
