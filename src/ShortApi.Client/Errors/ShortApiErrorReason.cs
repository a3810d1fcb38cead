namespace ShortApi.Errors
{
    /// <summary>
    /// Why an operation failed. The PowerShell layer turns each into a stable ErrorId
    /// (<c>ShortApi.&lt;Reason&gt;</c>), so scripts can branch on it.
    /// </summary>
    public enum ShortApiErrorReason
    {
        /// <summary>An argument or combination the model does not accept.</summary>
        InvalidArgument,
        /// <summary>A local image that does not exist.</summary>
        ImageNotFound,
        /// <summary>A local image the model cannot take (format, size, shape) or that must be a URL.</summary>
        ImageRejected,
        /// <summary>A short model name the catalog does not know.</summary>
        UnknownModel,
        /// <summary>No API key was given, connected or set in the environment.</summary>
        MissingApiKey,
        /// <summary>The key would travel in clear text to a host that is not loopback.</summary>
        InsecureEndpoint,
        /// <summary>The API refused the key (401/403).</summary>
        AuthenticationFailed,
        /// <summary>The account has no balance or quota left; retrying will not help.</summary>
        QuotaExceeded,
        /// <summary>Too many requests, still so after the retries.</summary>
        RateLimited,
        /// <summary>The API answered with an error (an HTTP failure or a non-zero envelope code).</summary>
        ApiError,
        /// <summary>The API's answer did not have the documented shape.</summary>
        UnexpectedResponse,
        /// <summary>A create was sent but its outcome is unknown: it may have been created and charged.</summary>
        CreateOutcomeUnknown,
        /// <summary>The job ended in failure.</summary>
        JobFailed,
        /// <summary>A request or a wait took longer than allowed.</summary>
        Timeout,
        /// <summary>The estimated cost would pass the budget the user set.</summary>
        BudgetExceeded,
        /// <summary>A download failed or arrived incomplete.</summary>
        DownloadFailed,
        /// <summary>The journal cannot be read or written.</summary>
        JournalError,
        /// <summary>A catalog file is not valid.</summary>
        CatalogInvalid,
        /// <summary>The journal already holds this input; it was not submitted again.</summary>
        AlreadySubmitted,
        /// <summary>The service does not know the job id asked about.</summary>
        JobNotFound,
        /// <summary>The job has not finished yet, so it has no output to save.</summary>
        JobNotFinished,
        /// <summary>A proxy on the way asked for credentials (407) that were not given or not accepted.</summary>
        ProxyAuthenticationFailed,
    }
}
