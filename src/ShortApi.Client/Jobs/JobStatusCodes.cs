namespace ShortApi.Jobs
{
    /// <summary>The API's numeric status, mapped to <see cref="JobStatus"/>.</summary>
    public static class JobStatusCodes
    {
        public static JobStatus FromCode(int? code)
        {
            switch (code)
            {
                case 0: return JobStatus.Queued;
                case 1: return JobStatus.Processing;
                case 2: return JobStatus.Succeeded;
                case int failed when failed >= 3: return JobStatus.Failed;
                default: return JobStatus.Unknown;
            }
        }

        /// <summary>True once nothing more will happen to the job.</summary>
        public static bool IsFinal(JobStatus status) => status == JobStatus.Succeeded || status == JobStatus.Failed;
    }
}
