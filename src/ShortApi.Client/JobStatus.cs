namespace ShortApi
{
    /// <summary>
    /// A job's state. The API's numbers: 0 queued, 1 processing, 2 succeeded, 3 or more failed.
    /// Based on long because PowerShell's ConvertTo-Json writes a 64-bit enum by name (JavaScript
    /// numbers cannot hold every such value), so a serialized job says "Succeeded" rather than 2.
    /// </summary>
    public enum JobStatus : long
    {
        Queued,
        Processing,
        Succeeded,
        Failed,
        /// <summary>A status or answer this client does not understand. Never taken for success.</summary>
        Unknown,
    }
}
