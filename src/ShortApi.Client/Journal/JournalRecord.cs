using System;
using System.Collections.Generic;

namespace ShortApi.Journal
{
    /// <summary>
    /// One line of a journal. Which members are set depends on <see cref="Type"/>; none of them
    /// ever holds the key or an image's content.
    /// </summary>
    public sealed class JournalRecord
    {
        public JournalRecordType Type { get; set; }

        public DateTimeOffset At { get; set; }

        public string? InputKey { get; set; }

        public string? JobId { get; set; }

        public string? Model { get; set; }

        public string? ModelName { get; set; }

        public string? Source { get; set; }

        public string? Prompt { get; set; }

        /// <summary>The arguments sent, local images by path only.</summary>
        public IReadOnlyList<KeyValuePair<string, object?>>? Arguments { get; set; }

        public decimal? EstimatedCost { get; set; }

        public decimal? Amount { get; set; }

        public DateTimeOffset? SubmittedAt { get; set; }

        public string? Endpoint { get; set; }

        public JobStatus? Status { get; set; }

        public int? StatusCode { get; set; }

        public IReadOnlyList<string>? OutputUrls { get; set; }

        public IReadOnlyList<string>? Files { get; set; }

        public string? Error { get; set; }

        public bool? Refunded { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        /// <summary>Who claimed an input: host and process, so a stale claim can be traced.</summary>
        public string? Claimant { get; set; }
    }
}
