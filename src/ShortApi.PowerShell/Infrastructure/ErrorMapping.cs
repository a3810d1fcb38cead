using System.Collections.Generic;
using System.Management.Automation;
using ShortApi.Errors;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>
    /// Each failure reason as PowerShell reports it: a stable ErrorId scripts can branch on
    /// ("ShortApi.ImageNotFound"), the matching ErrorCategory, and, where the message does not
    /// already say it, what the user can do about it. One row per reason.
    /// </summary>
    internal static class ErrorMapping
    {
        private static readonly Dictionary<ShortApiErrorReason, (ErrorCategory Category, string? Advice)> Rows = new Dictionary<ShortApiErrorReason, (ErrorCategory, string?)>
        {
            [ShortApiErrorReason.InvalidArgument] = (ErrorCategory.InvalidArgument, "Run Get-ShortApiModel <model> to see its parameters and allowed values."),
            [ShortApiErrorReason.UnknownModel] = (ErrorCategory.InvalidArgument, "Run Get-ShortApiModel to list the models, or pass a full model id."),
            [ShortApiErrorReason.ImageNotFound] = (ErrorCategory.ObjectNotFound, null),
            [ShortApiErrorReason.ImageRejected] = (ErrorCategory.InvalidData, null),
            [ShortApiErrorReason.CatalogInvalid] = (ErrorCategory.InvalidData, null),
            [ShortApiErrorReason.MissingApiKey] = (ErrorCategory.AuthenticationError, null),
            [ShortApiErrorReason.AuthenticationFailed] = (ErrorCategory.AuthenticationError, "Check the key given by -ApiKey, Connect-ShortApi or $env:SHORTAPI_KEY."),
            [ShortApiErrorReason.InsecureEndpoint] = (ErrorCategory.SecurityError, "Use an https endpoint."),
            [ShortApiErrorReason.QuotaExceeded] = (ErrorCategory.QuotaExceeded, null),
            [ShortApiErrorReason.RateLimited] = (ErrorCategory.LimitsExceeded, "Lower -ThrottleLimit or Connect-ShortApi -MaxQueriesPerSecond, or try again later."),
            [ShortApiErrorReason.BudgetExceeded] = (ErrorCategory.LimitsExceeded, "Raise -MaxCost, or submit the rest in another run."),
            [ShortApiErrorReason.ApiError] = (ErrorCategory.InvalidOperation, null),
            [ShortApiErrorReason.UnexpectedResponse] = (ErrorCategory.ProtocolError, null),
            [ShortApiErrorReason.CreateOutcomeUnknown] = (ErrorCategory.InvalidResult, "Check your ShortAPI job list before submitting it again; New-ShortApiVideoJob -Force submits it anyway."),
            [ShortApiErrorReason.JobFailed] = (ErrorCategory.InvalidResult, null),
            [ShortApiErrorReason.Timeout] = (ErrorCategory.OperationTimeout, "The job keeps running: wait for it again with Wait-ShortApiJob -JobId <id>, or with -JournalPath."),
            [ShortApiErrorReason.DownloadFailed] = (ErrorCategory.ReadError, "Save it again later with Save-ShortApiJobOutput."),
            [ShortApiErrorReason.JournalError] = (ErrorCategory.WriteError, null),
            [ShortApiErrorReason.AlreadySubmitted] = (ErrorCategory.ResourceExists, "Use -Force to submit it again."),
            [ShortApiErrorReason.JobNotFound] = (ErrorCategory.ObjectNotFound, "Check the id, and the endpoint (-Endpoint, Connect-ShortApi) the job was created on."),
            [ShortApiErrorReason.ProxyAuthenticationFailed] = (ErrorCategory.AuthenticationError, "Give the proxy's credentials with Connect-ShortApi -Proxy <address> -ProxyCredential <credential>, or sign in as yourself with -ProxyUseDefaultCredentials. For a proxy from $env:HTTPS_PROXY or $env:HTTP_PROXY, put the user name and password in that address."),
            [ShortApiErrorReason.JobNotFinished] = (ErrorCategory.ResourceUnavailable, "Wait for it with Wait-ShortApiJob first, or save each job as it finishes with Wait-ShortApiJob -OutputDirectory."),
        };

        public static string ErrorId(ShortApiErrorReason reason) => "ShortApi." + reason;

        public static ErrorCategory Category(ShortApiErrorReason reason) =>
            Rows.TryGetValue(reason, out var row) ? row.Category : ErrorCategory.NotSpecified;

        /// <summary>The advice shown as the error's RecommendedAction; null when the message says it all.</summary>
        public static string? RecommendedAction(ShortApiErrorReason reason) =>
            Rows.TryGetValue(reason, out var row) ? row.Advice : null;
    }
}
