using System;
using System.Collections.Generic;

namespace ShortApi.Jobs.Polling
{
    /// <summary>One job as the poller follows it: its kind, its role, and what its queries have shown so far.</summary>
    internal sealed class FollowedJob
    {
        public FollowedJob(VideoJob job, string? key, DateTimeOffset start, bool knownStart, bool addedFresh)
        {
            Job = job;
            Key = key;
            Start = start;
            KnownStart = knownStart;
            AddedFresh = addedFresh;
        }

        public VideoJob Job { get; }

        /// <summary>Its <see cref="Lengths.LengthKey"/>; null when its length is neither learned from nor guessed.</summary>
        public string? Key { get; }

        /// <summary>When it was submitted (or, unknown that, first seen): ages count from here.</summary>
        public DateTimeOffset Start { get; }

        /// <summary>Its submission time is known (else <see cref="Start"/> is when the wait first saw it).</summary>
        public bool KnownStart { get; }

        /// <summary>Added to the wait right after its submission, so an end seen at the first query is still a fair length.</summary>
        public bool AddedFresh { get; }

        /// <summary>Asked about on the age-based schedule while its kind's length is unknown, so the others need not be.</summary>
        public bool IsScout { get; set; }

        /// <summary>Only the queue entry carrying this number counts; re-planning a job leaves its older entries stale.</summary>
        public int Ticket { get; set; }

        public bool InFlight { get; set; }

        /// <summary>Queries sent, answered or not.</summary>
        public int Asked { get; set; }

        /// <summary>The age at which the query that last found it running was sent.</summary>
        public TimeSpan? LastSeenRunning { get; set; }

        /// <summary>It has been asked about at (or past) its estimated length.</summary>
        public bool AskedAtAim { get; set; }

        /// <summary>The query in flight is its first at the estimated length.</summary>
        public bool AimQueryInFlight { get; set; }

        /// <summary>What that first query at the estimated length found: still running, or ended (null: never asked there).</summary>
        public bool? RunningAtAim { get; set; }

        public DateTimeOffset SentAt { get; set; }

        public int UnknownAnswers { get; set; }

        /// <summary>Turns in a row on which asking failed (after the transport's retries).</summary>
        public int FailedTurns { get; set; }

        /// <summary>Its place among the jobs of its kind.</summary>
        public LinkedListNode<FollowedJob>? Node { get; set; }

        public TimeSpan AgeAt(DateTimeOffset now) => now - Start;
    }
}
