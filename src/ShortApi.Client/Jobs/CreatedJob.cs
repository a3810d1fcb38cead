namespace ShortApi.Jobs
{
    /// <summary>What a successful create returned: the job's id and the amount charged.</summary>
    public sealed class CreatedJob
    {
        public CreatedJob(string jobId, decimal? amount)
        {
            JobId = jobId;
            Amount = amount;
        }

        public string JobId { get; }

        /// <summary>The <c>amount</c> of the create response; null when it was missing or unreadable.</summary>
        public decimal? Amount { get; }
    }
}
