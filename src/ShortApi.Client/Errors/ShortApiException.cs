using System;
using ShortApi.Failures;

namespace ShortApi.Errors
{
    /// <summary>
    /// Every failure the client reports. The message says what was wrong, with which input, and
    /// what to do; it never contains the API key.
    /// </summary>
    public class ShortApiException : Exception
    {
        public ShortApiException(ShortApiErrorReason reason, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            Reason = reason;
        }

        public ShortApiErrorReason Reason { get; }

        /// <summary>The input the failure is about (a path, URL or job id), when there is one.</summary>
        public object? Target { get; set; }

        /// <summary>How far the failed attempt got over the network; what <see cref="FailurePolicy"/> judges beside the reason.</summary>
        public FailureKind Kind { get; internal set; }
    }
}
