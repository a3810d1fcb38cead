namespace ShortApi
{
    /// <summary>A job's state. The API's numbers: 0 queued, 1 processing, 2 succeeded, 3 or more failed.</summary>
    public enum JobStatus
    {
        Queued,
        Processing,
        Succeeded,
        Failed,
        /// <summary>A status or answer this client does not understand. Never taken for success.</summary>
        Unknown,
    }
}
