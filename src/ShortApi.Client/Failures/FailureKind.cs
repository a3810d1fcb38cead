namespace ShortApi.Failures
{
    /// <summary>How far a failed attempt got: what the failure policy needs beyond the reason.</summary>
    public enum FailureKind
    {
        /// <summary>Nothing went over the network: a bad input, a file that cannot be written, a setting.</summary>
        Local,
        /// <summary>The connection was never made, so the service cannot have seen the request.</summary>
        NotConnected,
        /// <summary>The request went out but no usable answer came: a timeout, a lost connection, an unreadable body.</summary>
        NoAnswer,
        /// <summary>The service answered, with an error status or an error envelope.</summary>
        Answered,
    }
}
