namespace ShortApi.Jobs
{
    /// <summary>What a successful create returned: the job's id and the amount charged (null when missing or unreadable).</summary>
    public sealed record CreatedJob(string JobId, decimal? Amount);
}
