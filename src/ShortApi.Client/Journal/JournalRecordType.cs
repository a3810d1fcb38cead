namespace ShortApi.Journal
{
    /// <summary>The kinds of line a journal holds, in the order an input passes through them.</summary>
    public enum JournalRecordType
    {
        /// <summary>An input is claimed and its create is about to be sent. Alone, it means the outcome is unknown.</summary>
        Submitting,
        /// <summary>
        /// The create's body is about to be complete on the wire. Before this line the service
        /// cannot have taken the request (it never had all of it); after it, it may have.
        /// </summary>
        Sent,
        /// <summary>The create succeeded: the job exists and was charged.</summary>
        Created,
        /// <summary>The create was refused with a clear answer: nothing was created, the input is free again.</summary>
        Released,
        /// <summary>The create was sent but its outcome is unknown; the input is not submitted again by itself.</summary>
        Unknown,
        /// <summary>The job ended (succeeded or failed).</summary>
        Final,
        /// <summary>The job's outputs were saved to these files.</summary>
        Saved,
    }
}
