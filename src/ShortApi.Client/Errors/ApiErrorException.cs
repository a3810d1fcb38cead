using System;
using ShortApi.Failures;

namespace ShortApi.Errors
{
    /// <summary>The API answered with a failure: an HTTP error status or an envelope with a non-zero code.</summary>
    public sealed class ApiErrorException : ShortApiException
    {
        public ApiErrorException(ShortApiErrorReason reason, string message, int? httpStatus, int? apiCode, string? apiMessage, Exception? inner = null)
            : base(reason, message, inner)
        {
            HttpStatus = httpStatus;
            ApiCode = apiCode;
            ApiMessage = apiMessage;
            Kind = FailureKind.Answered;
        }

        /// <summary>The HTTP status, when the failure came with one.</summary>
        public int? HttpStatus { get; }

        /// <summary>
        /// The status that says what the failure means: an envelope's code when it reads as an HTTP
        /// status (a 200 carrying code 429 is a rate limit), else the HTTP status.
        /// </summary>
        public int? Status => StatusOf(HttpStatus, ApiCode);

        internal static int? StatusOf(int? httpStatus, int? apiCode) =>
            apiCode >= 400 && apiCode <= 599 && httpStatus >= 200 && httpStatus < 300 ? apiCode : httpStatus;

        /// <summary>The envelope's <c>code</c>, when there was an envelope.</summary>
        public int? ApiCode { get; }

        /// <summary>The envelope's <c>msg</c> (or <c>message</c>), with any key redacted.</summary>
        public string? ApiMessage { get; }

        /// <summary>How long the server asked to wait (429/503 Retry-After), when it said.</summary>
        public TimeSpan? RetryAfter { get; set; }
    }
}
