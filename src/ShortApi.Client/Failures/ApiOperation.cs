namespace ShortApi.Failures
{
    /// <summary>The three things the client asks of the network; each has its own answer to "may this be tried again?".</summary>
    public enum ApiOperation
    {
        /// <summary>Creating a job: it costs money, so a repeat must be certain the first try created nothing.</summary>
        Create,
        /// <summary>Asking about a job: harmless to repeat.</summary>
        Query,
        /// <summary>Fetching an output file: harmless to repeat.</summary>
        Download,
    }
}
