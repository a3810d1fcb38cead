namespace ShortApi.Jobs
{
    public enum WaitEventKind
    {
        /// <summary>The job ended (succeeded or failed); for a success, its files when downloading.</summary>
        Ended,
        /// <summary>The wait's time ran out before the job ended.</summary>
        TimedOut,
        /// <summary>The job could not be followed (unknown to the service, say); others go on.</summary>
        Failed,
        /// <summary>Something worth telling (a transient problem being retried); nothing is lost.</summary>
        Warning,
    }
}
