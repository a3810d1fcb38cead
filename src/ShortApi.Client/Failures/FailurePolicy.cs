using ShortApi.Errors;

namespace ShortApi.Failures
{
    /// <summary>
    /// The one answer to "retry, give up, or stop everything?", for every caller: the create and
    /// query loops, the downloader, the poller and the batch. It also holds the money rule: a create
    /// whose request went out in full without a clear answer may exist and be charged, so it is
    /// never sent again by itself.
    /// </summary>
    internal static class FailurePolicy
    {
        /// <summary>
        /// The verdict on <paramref name="failure"/> of one <paramref name="operation"/> attempt.
        /// <paramref name="requestSentInFull"/> matters only for a create: true once the request's
        /// last bytes were on their way, from when the service may hold a complete request.
        /// </summary>
        public static FailureVerdict Judge(ApiOperation operation, ShortApiException failure, bool requestSentInFull = false)
        {
            if (StopsEverything(failure.Reason))
            {
                return FailureVerdict.StopEverything;
            }

            var api = failure as ApiErrorException;
            int? status = api?.Status;
            if (operation == ApiOperation.Create)
            {
                // 429 says the service did not take the request; no connection means it never saw it.
                if (failure.Kind == FailureKind.NotConnected || failure.Reason == ShortApiErrorReason.RateLimited)
                {
                    return FailureVerdict.Retry;
                }

                // 503 and 408 say so too, but a proxy in the way may send them after passing the
                // request on: after a full send, only the service's own answer (its envelope, or a Retry-After) is believed.
                if ((status == 503 || status == 408) && (!requestSentInFull || api!.ApiCode.HasValue || api.RetryAfter.HasValue))
                {
                    return FailureVerdict.Retry;
                }

                // Any other answer that is not a server failure is a clear refusal: nothing was created.
                if (failure.Kind == FailureKind.Answered && !(status >= 500))
                {
                    return FailureVerdict.GiveUp;
                }

                if (failure.Kind == FailureKind.Local)
                {
                    return FailureVerdict.GiveUp;
                }

                // The money rule: no clear answer after the whole request went out.
                return requestSentInFull ? FailureVerdict.OutcomeUnknown : FailureVerdict.Retry;
            }

            if (failure.Kind == FailureKind.NotConnected || failure.Kind == FailureKind.NoAnswer)
            {
                return FailureVerdict.Retry;
            }

            if (failure.Kind == FailureKind.Answered && (failure.Reason == ShortApiErrorReason.RateLimited || status == 408 || status >= 500))
            {
                return FailureVerdict.Retry;
            }

            return FailureVerdict.GiveUp;
        }

        /// <summary>A refused key or proxy sign-in, an empty balance or a missing or unsafe set-up fails every request alike.</summary>
        private static bool StopsEverything(ShortApiErrorReason reason) =>
            reason == ShortApiErrorReason.AuthenticationFailed ||
            reason == ShortApiErrorReason.ProxyAuthenticationFailed ||
            reason == ShortApiErrorReason.QuotaExceeded ||
            reason == ShortApiErrorReason.MissingApiKey ||
            reason == ShortApiErrorReason.InsecureEndpoint;

    }
}
