using ShortApi.Errors;

namespace ShortApi.Jobs
{
    /// <summary>What the poller reports, from its own threads.</summary>
    internal interface IPollerListener
    {
        /// <summary>The job reached a final state.</summary>
        void OnEnded(VideoJob job);

        /// <summary>The job cannot be followed (the service does not know it, say); it is dropped.</summary>
        void OnLost(VideoJob job, ShortApiException error);

        /// <summary>A failure that stops every job (the key was refused).</summary>
        void OnFatal(ShortApiException error);

        /// <summary>A transient problem that is being retried.</summary>
        void OnWarning(string message);
    }
}
