using System;
using System.Collections.Concurrent;
using ShortApi.Timing;

namespace ShortApi.Journal
{
    /// <summary>
    /// One <see cref="JobJournal"/> per file per process, shared by every thread and runspace, so
    /// their claims and records meet in memory as well as in the file.
    /// </summary>
    internal static class JournalRegistry
    {
        private static readonly ConcurrentDictionary<string, JobJournal> Open = new ConcurrentDictionary<string, JobJournal>(PathComparer);

        private static StringComparer PathComparer =>
            Environment.OSVersion.Platform == PlatformID.Win32NT ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        public static JobJournal Get(string fullPath, IClock clock) => Open.GetOrAdd(fullPath, p => new JobJournal(p, clock));

        /// <summary>Every journal opened in this process so far.</summary>
        public static System.Collections.Generic.IEnumerable<JobJournal> All() => Open.Values;
    }
}
