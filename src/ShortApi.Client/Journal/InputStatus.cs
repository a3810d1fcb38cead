namespace ShortApi.Journal
{
    /// <summary>What a journal knows about one input.</summary>
    public enum InputStatus
    {
        /// <summary>Never submitted, or its create was refused: free to submit.</summary>
        NotSubmitted,
        /// <summary>A job was created for it.</summary>
        Submitted,
        /// <summary>
        /// Claimed with no outcome recorded, by a run that is gone, after the request went out in
        /// full: the job may exist, so it is not sent again by itself. (A claim abandoned before its
        /// request was complete is free: the service cannot have taken half a request.)
        /// </summary>
        Pending,
        /// <summary>Its create was sent and the outcome could not be learned.</summary>
        OutcomeUnknown,
        /// <summary>
        /// Claimed by a run that is still alive (another thread or runspace of this process, a
        /// running process of this machine, or a recent claim from another machine): it is being
        /// submitted right now, elsewhere.
        /// </summary>
        InProgress,
    }
}
