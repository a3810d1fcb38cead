using System.Management.Automation;
using ShortApi.Errors;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>
    /// Each failure reason as PowerShell reports it: a stable ErrorId scripts can branch on
    /// ("ShortApi.ImageNotFound"), the matching ErrorCategory, and what the user can do about it.
    /// </summary>
    internal static class ErrorMapping
    {
        public static string ErrorId(ShortApiErrorReason reason) => "ShortApi." + reason;

        public static ErrorCategory Category(ShortApiErrorReason reason)
        {
            switch (reason)
            {
                case ShortApiErrorReason.InvalidArgument:
                case ShortApiErrorReason.UnknownModel:
                    return ErrorCategory.InvalidArgument;
                case ShortApiErrorReason.ImageNotFound:
                case ShortApiErrorReason.JobNotFound:
                    return ErrorCategory.ObjectNotFound;
                case ShortApiErrorReason.JobNotFinished:
                    return ErrorCategory.ResourceUnavailable;
                case ShortApiErrorReason.ImageRejected:
                case ShortApiErrorReason.CatalogInvalid:
                    return ErrorCategory.InvalidData;
                case ShortApiErrorReason.MissingApiKey:
                case ShortApiErrorReason.AuthenticationFailed:
                    return ErrorCategory.AuthenticationError;
                case ShortApiErrorReason.InsecureEndpoint:
                    return ErrorCategory.SecurityError;
                case ShortApiErrorReason.QuotaExceeded:
                    return ErrorCategory.QuotaExceeded;
                case ShortApiErrorReason.RateLimited:
                case ShortApiErrorReason.BudgetExceeded:
                    return ErrorCategory.LimitsExceeded;
                case ShortApiErrorReason.UnexpectedResponse:
                    return ErrorCategory.ProtocolError;
                case ShortApiErrorReason.CreateOutcomeUnknown:
                case ShortApiErrorReason.JobFailed:
                    return ErrorCategory.InvalidResult;
                case ShortApiErrorReason.Timeout:
                    return ErrorCategory.OperationTimeout;
                case ShortApiErrorReason.DownloadFailed:
                    return ErrorCategory.ReadError;
                case ShortApiErrorReason.AlreadySubmitted:
                    return ErrorCategory.ResourceExists;
                case ShortApiErrorReason.JournalError:
                    return ErrorCategory.WriteError;
                default:
                    return ErrorCategory.InvalidOperation;
            }
        }

        /// <summary>The advice shown as the error's RecommendedAction; null when the message says it all.</summary>
        public static string? RecommendedAction(ShortApiErrorReason reason)
        {
            switch (reason)
            {
                case ShortApiErrorReason.AuthenticationFailed:
                    return "Check the key given by -ApiKey, Connect-ShortApi or $env:SHORTAPI_KEY.";
                case ShortApiErrorReason.UnknownModel:
                    return "Run Get-ShortApiModel to list the models, or pass a full model id.";
                case ShortApiErrorReason.InvalidArgument:
                    return "Run Get-ShortApiModel <model> to see its parameters and allowed values.";
                case ShortApiErrorReason.CreateOutcomeUnknown:
                    return "Check your ShortAPI job list before submitting it again; New-ShortApiVideoJob -Force submits it anyway.";
                case ShortApiErrorReason.Timeout:
                    return "The job keeps running: wait for it again with Wait-ShortApiJob -JobId <id>, or with -JournalPath.";
                case ShortApiErrorReason.BudgetExceeded:
                    return "Raise -MaxCost, or submit the rest in another run.";
                case ShortApiErrorReason.RateLimited:
                    return "Lower -ThrottleLimit, or try again later.";
                case ShortApiErrorReason.AlreadySubmitted:
                    return "Use -Force to submit it again.";
                case ShortApiErrorReason.JobNotFinished:
                    return "Wait for it with Wait-ShortApiJob first, or save as jobs finish with Wait-ShortApiJob -OutputDirectory.";
                case ShortApiErrorReason.JobNotFound:
                    return "Check the id and the endpoint (-Endpoint, Connect-ShortApi) the job was created on.";
                case ShortApiErrorReason.InsecureEndpoint:
                    return "Use an https endpoint.";
                default:
                    return null;
            }
        }
    }
}
