using System;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Timing;
using ShortApi.Transport;

namespace ShortApi.Failures
{
    /// <summary>
    /// The one retry loop: runs an attempt, asks <see cref="FailurePolicy"/> about each failure,
    /// and waits out <see cref="RetryPolicy"/>'s delays (or the server's Retry-After) between tries.
    /// It knows nothing of HTTP: an attempt reports its failure as a <see cref="ShortApiException"/>.
    /// </summary>
    internal sealed class RetryLoop
    {
        private readonly RetryPolicy _policy;
        private readonly IClock _clock;
        private readonly Random _random;
        private readonly Action<ClientLogLevel, string>? _log;

        public RetryLoop(RetryPolicy policy, IClock clock, Random random, Action<ClientLogLevel, string>? log)
        {
            _policy = policy;
            _clock = clock;
            _random = random;
            _log = log;
        }

        /// <summary>
        /// The first successful attempt's result. On a failure that is not to be retried (or the
        /// last try's), throws it, or what <paramref name="explain"/> makes of it and its verdict.
        /// </summary>
        public async Task<T> RunAsync<T>(
            ApiOperation operation,
            Func<CancellationToken, Task<T>> attempt,
            CancellationToken cancellationToken,
            Func<bool>? requestSentInFull = null,
            Func<ShortApiException, FailureVerdict, ShortApiException>? explain = null)
        {
            for (int tries = 1; ; tries++)
            {
                ShortApiException failure;
                try
                {
                    return await attempt(cancellationToken).ConfigureAwait(false);
                }
                catch (ShortApiException ex)
                {
                    failure = ex;
                }

                var verdict = FailurePolicy.Judge(operation, failure, requestSentInFull?.Invoke() ?? false);
                if (verdict != FailureVerdict.Retry || tries >= _policy.MaxAttempts)
                {
                    throw explain?.Invoke(failure, verdict) ?? failure;
                }

                var retryAfter = (failure as ApiErrorException)?.RetryAfter;
                if (retryAfter.HasValue && retryAfter.Value > _policy.MaxRetryAfter)
                {
                    throw new ShortApiException(
                        failure.Reason,
                        $"{failure.Message} The server asked to wait {retryAfter.Value.TotalSeconds:0} s, longer than the {_policy.MaxRetryAfter.TotalSeconds:0} s allowed.",
                        failure)
                    { Target = failure.Target, Kind = failure.Kind };
                }

                var delay = _policy.DelayBefore(tries, retryAfter, _random);
                _log?.Invoke(ClientLogLevel.Verbose, $"{operation}: {failure.Message} Retrying in {delay.TotalSeconds:0.0} s (attempt {tries + 1} of {_policy.MaxAttempts}).");
                await _clock.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
