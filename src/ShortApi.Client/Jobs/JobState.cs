using System;
using System.Collections.Generic;

namespace ShortApi.Jobs
{
    /// <summary>What one query said about a job.</summary>
    public sealed class JobState
    {
        public JobState(string jobId, JobStatus status, int? statusCode, IReadOnlyList<string> outputUrls, string? error, bool refunded, DateTimeOffset observedAt)
        {
            JobId = jobId;
            Status = status;
            StatusCode = statusCode;
            OutputUrls = outputUrls ?? Array.Empty<string>();
            Error = error;
            Refunded = refunded;
            ObservedAt = observedAt;
        }

        public string JobId { get; }

        public JobStatus Status { get; }

        /// <summary>The raw <c>data.status</c>; null when the answer had none.</summary>
        public int? StatusCode { get; }

        public IReadOnlyList<string> OutputUrls { get; }

        public string? Error { get; }

        public bool Refunded { get; }

        public DateTimeOffset ObservedAt { get; }

        public bool IsFinal => JobStatusCodes.IsFinal(Status);
    }
}
