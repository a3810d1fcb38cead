using System.Collections.Generic;

namespace ShortApi.Jobs
{
    /// <summary>What one query said about a job; <see cref="StatusCode"/> is the raw <c>data.status</c>, null when the answer had none.</summary>
    public sealed record JobState(string JobId, JobStatus Status, int? StatusCode, IReadOnlyList<string> OutputUrls, string? Error, bool Refunded, System.DateTimeOffset ObservedAt)
    {
        public bool IsFinal => JobStatusCodes.IsFinal(Status);
    }
}
