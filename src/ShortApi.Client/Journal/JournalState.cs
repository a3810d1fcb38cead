using System;
using System.Collections.Generic;

namespace ShortApi.Journal
{
    /// <summary>What a journal's records add up to: the jobs it created, in order, and what it knows of each input.</summary>
    internal sealed class JournalState
    {
        public JournalState(JobJournal? owner = null)
        {
            Owner = owner;
        }

        /// <summary>The journal the jobs belong to; they carry it, so later steps record into it.</summary>
        public JobJournal? Owner { get; }

        public Dictionary<string, VideoJob> Jobs { get; } = new Dictionary<string, VideoJob>(StringComparer.Ordinal);

        public List<VideoJob> Order { get; } = new List<VideoJob>();

        public Dictionary<string, InputLookup> Inputs { get; } = new Dictionary<string, InputLookup>(StringComparer.Ordinal);

        /// <summary>Jobs with a final state on record, so a second, equal final line is never written.</summary>
        public HashSet<string> FinalRecorded { get; } = new HashSet<string>(StringComparer.Ordinal);
    }
}
