namespace ShortApi.Transport
{
    /// <summary>How loud a client log line is: Verbose for what is happening, Debug for wire detail.</summary>
    public enum ClientLogLevel
    {
        Verbose,
        Debug,
        Warning,
    }
}
