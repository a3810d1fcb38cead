using System;

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

        /// <summary>True when trying the same thing again later may succeed.</summary>
        public virtual bool IsTransient => Reason == ShortApiErrorReason.RateLimited || Reason == ShortApiErrorReason.Timeout;
    }
}
