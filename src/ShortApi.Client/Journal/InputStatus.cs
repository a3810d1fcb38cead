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
        /// Claimed with no outcome recorded: another run is submitting it now, or a run died
        /// mid-create after the request went out in full. Either way the job may exist, so it is
        /// not sent again by itself. (A claim abandoned before its request was complete is free:
        /// the service cannot have taken half a request.)
        /// </summary>
        Pending,
        /// <summary>Its create was sent and the outcome could not be learned.</summary>
        OutcomeUnknown,
    }
}
