using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Jobs;

namespace ShortApi.Transport
{
    /// <summary>
    /// The two API calls, with the retry rules that keep money safe. A query is idempotent and is
    /// retried on 429, 5xx, timeouts and dropped connections. A create is retried only when the
    /// server certainly did not take it (429, 503, a connection that never opened); any other
    /// failure after the body went out is "outcome unknown" and is never repeated by itself.
    /// </summary>
    internal sealed class ApiTransport
    {
        private const int MaxResponseBytes = 1024 * 1024;

        private readonly Uri _base;
        private readonly ShortApiClientOptions _options;
        private readonly Random _random;

        public ApiTransport(ShortApiClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _base = EndpointPolicy.Validate(options.Endpoint);
            _random = options.RandomSeed.HasValue ? new Random(options.RandomSeed.Value) : new Random();
        }

        public Uri BaseAddress => _base;

        /// <summary>Called whenever the service answers 429, so shared budgets can back off.</summary>
        public Action? RateLimited { get; set; }

        /// <summary>Creates a job. <paramref name="beforeLastBytes"/> is called (on each attempt) just before the body is complete on the wire.</summary>
        public async Task<CreatedJob> CreateAsync(PreparedJob job, Action? beforeLastBytes, CancellationToken cancellationToken)
        {
            var key = RequireKey();
            var uri = new Uri(_base, "api/v1/job/create");
            Log(ClientLogLevel.Debug, () => "Create body: " + Redact(CreateRequestContent.Preview(job.Model.Id, job.WireArguments, job.CallbackUrl)));

            for (int attempt = 1; ; attempt++)
            {
                var outcome = await SendAsync(
                    () => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new CreateRequestContent(job.Model.Id, job.WireArguments, job.CallbackUrl, beforeLastBytes) },
                    key,
                    _options.CreateTimeout,
                    attempt,
                    cancellationToken).ConfigureAwait(false);

                ShortApiException failure;
                bool mayRetry;
                if (outcome.Response == null)
                {
                    if (!outcome.NeverSent)
                    {
                        throw Unknown(job, outcome.TimedOut
                            ? $"no answer came within {_options.CreateTimeout.TotalSeconds:0} s"
                            : "the connection was lost after the request was sent", outcome.Error);
                    }

                    failure = new ShortApiException(ShortApiErrorReason.ApiError, $"Could not connect to {_base.Host}: {outcome.Error?.Message}", outcome.Error);
                    mayRetry = true;
                }
                else
                {
                    var response = outcome.Response;
                    if (response.IsSuccess)
                    {
                        using var document = ApiResponseReader.TryParse(response.Body);
                        if (document == null)
                        {
                            throw Unknown(job, $"the answer (HTTP {response.Status}) was not readable JSON", null);
                        }

                        int? code = ApiResponseReader.Code(document.RootElement);
                        if (code.HasValue && code.Value != 0)
                        {
                            failure = EnvelopeError(response, code.Value, ApiResponseReader.Message(document.RootElement), "create");
                            mayRetry = IsRetryableOnCreate(code.Value) && MayRetry(failure);
                        }
                        else
                        {
                            var created = ApiResponseReader.ReadCreated(document.RootElement);
                            if (created == null)
                            {
                                throw Unknown(job, "the answer carried no job id", null);
                            }

                            return created;
                        }
                    }
                    else if (response.Status >= 500 && response.Status != 503)
                    {
                        throw Unknown(job, $"the server failed with HTTP {response.Status}", HttpError(response, "create"));
                    }
                    else
                    {
                        failure = HttpError(response, "create");
                        mayRetry = IsRetryableOnCreate(response.Status) && MayRetry(failure);
                    }
                }

                await BackOffOrThrowAsync(failure, mayRetry, attempt, "create", cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<JobState> QueryAsync(string jobId, CancellationToken cancellationToken)
        {
            var key = RequireKey();
            var uri = new Uri(_base, "api/v1/job/query?id=" + Uri.EscapeDataString(jobId));
            for (int attempt = 1; ; attempt++)
            {
                var outcome = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), key, _options.QueryTimeout, attempt, cancellationToken).ConfigureAwait(false);
                ShortApiException failure;
                bool mayRetry;
                if (outcome.Response == null)
                {
                    failure = outcome.TimedOut
                        ? new ShortApiException(ShortApiErrorReason.Timeout, $"Querying job {jobId} got no answer within {_options.QueryTimeout.TotalSeconds:0} s.", outcome.Error)
                        : new ShortApiException(ShortApiErrorReason.ApiError, $"Querying job {jobId} failed: {outcome.Error?.Message}", outcome.Error);
                    mayRetry = true;
                }
                else if (outcome.Response.IsSuccess)
                {
                    using var document = ApiResponseReader.TryParse(outcome.Response.Body);
                    if (document == null)
                    {
                        failure = new ShortApiException(ShortApiErrorReason.UnexpectedResponse, $"Querying job {jobId}: the answer (HTTP {outcome.Response.Status}) was not readable JSON.");
                        mayRetry = true;
                    }
                    else
                    {
                        int? code = ApiResponseReader.Code(document.RootElement);
                        if (code.HasValue && code.Value != 0)
                        {
                            failure = EnvelopeError(outcome.Response, code.Value, ApiResponseReader.Message(document.RootElement), $"query of job {jobId}");
                            mayRetry = IsRetryableOnQuery(code.Value) && MayRetry(failure);
                        }
                        else
                        {
                            return ApiResponseReader.ReadState(jobId, document.RootElement, _options.Clock.UtcNow);
                        }
                    }
                }
                else
                {
                    failure = HttpError(outcome.Response, $"query of job {jobId}");
                    mayRetry = IsRetryableOnQuery(outcome.Response.Status) && MayRetry(failure);
                }

                failure.Target = jobId;
                await BackOffOrThrowAsync(failure, mayRetry, attempt, "query", cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task BackOffOrThrowAsync(ShortApiException failure, bool mayRetry, int attempt, string what, CancellationToken cancellationToken)
        {
            var retryAfter = (failure as ApiErrorException)?.RetryAfter;
            if (!mayRetry || attempt >= _options.Retry.MaxAttempts)
            {
                throw failure;
            }

            if (retryAfter.HasValue && retryAfter.Value > _options.Retry.MaxRetryAfter)
            {
                throw new ShortApiException(failure.Reason, $"{failure.Message} The server asked to wait {retryAfter.Value.TotalSeconds:0} s, longer than the {_options.Retry.MaxRetryAfter.TotalSeconds:0} s allowed.", failure);
            }

            var delay = _options.Retry.DelayBefore(attempt, retryAfter, _random);
            Log(ClientLogLevel.Verbose, () => $"{what}: {failure.Message} Retrying in {delay.TotalSeconds:0.0} s (attempt {attempt + 1} of {_options.Retry.MaxAttempts}).");
            await _options.Clock.Delay(delay, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>One HTTP exchange, reduced to what the retry rules need to know.</summary>
        private async Task<Outcome> SendAsync(Func<HttpRequestMessage> build, ApiKey key, TimeSpan timeout, int attempt, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var request = build();
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(key.ToBearerValue());
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(_options.Clock.ToRealTime(timeout));
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await HttpClientPool.Api.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
                byte[] body = await ReadBodyAsync(response, timeoutSource.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status == 429)
                {
                    RateLimited?.Invoke();
                }

                Log(ClientLogLevel.Verbose, () => $"{request.Method} {request.RequestUri!.AbsolutePath} -> HTTP {status} in {watch.ElapsedMilliseconds} ms (attempt {attempt}).");
                Log(ClientLogLevel.Debug, () => "Response: " + Redact(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096))));
                return Outcome.Answered(new HttpAnswer(status, RetryAfterOf(response), body));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                Log(ClientLogLevel.Verbose, () => $"{request.Method} {request.RequestUri!.AbsolutePath} timed out after {watch.ElapsedMilliseconds} ms (attempt {attempt}).");
                return Outcome.Failed(new TimeoutException("The request timed out.", ex), neverSent: false, timedOut: true);
            }
            catch (HttpRequestException ex)
            {
                bool neverSent = NeverSent(ex);
                var safe = new HttpRequestException(Redact(ex.Message), ex.InnerException);
                Log(ClientLogLevel.Verbose, () => $"{request.Method} {request.RequestUri!.AbsolutePath} failed after {watch.ElapsedMilliseconds} ms: {safe.Message}{(ex.InnerException != null ? " (" + Redact(ex.InnerException.Message) + ")" : string.Empty)}");
                return Outcome.Failed(safe, neverSent, timedOut: false);
            }
            catch (IOException ex)
            {
                return Outcome.Failed(new IOException(Redact(ex.Message), ex), neverSent: false, timedOut: false);
            }
        }

        /// <summary>
        /// True only when the connection itself could not be made, so the server cannot have seen
        /// the request. A reset or close later in the exchange does not count.
        /// </summary>
        private static bool NeverSent(HttpRequestException ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                {
                    return socket.SocketErrorCode == SocketError.ConnectionRefused ||
                           socket.SocketErrorCode == SocketError.HostNotFound ||
                           socket.SocketErrorCode == SocketError.HostUnreachable ||
                           socket.SocketErrorCode == SocketError.NetworkUnreachable ||
                           socket.SocketErrorCode == SocketError.TryAgain;
                }
            }

            return false;
        }

        private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var buffer = new MemoryStream();
            byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                while (true)
                {
                    int n = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }

                    if (buffer.Length + n > MaxResponseBytes)
                    {
                        throw new HttpRequestException($"The answer is larger than {MaxResponseBytes} bytes, which no API answer should be.");
                    }

                    buffer.Write(chunk, 0, n);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }

        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null)
            {
                return null;
            }

            if (header.Delta.HasValue)
            {
                return header.Delta.Value;
            }

            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        /// <summary>A refused key or an empty balance stays so however often it is asked: never retried.</summary>
        private static bool MayRetry(ShortApiException failure) =>
            failure.Reason != ShortApiErrorReason.QuotaExceeded && failure.Reason != ShortApiErrorReason.AuthenticationFailed;

        private static bool IsRetryableOnCreate(int status) => status == 429 || status == 503 || status == 408;

        private static bool IsRetryableOnQuery(int status) => status == 429 || status == 408 || status >= 500;

        private ApiErrorException HttpError(HttpAnswer response, string what)
        {
            string? message = null;
            int? code = null;
            using (var document = ApiResponseReader.TryParse(response.Body))
            {
                if (document != null)
                {
                    message = ApiResponseReader.Message(document.RootElement);
                    code = ApiResponseReader.Code(document.RootElement);
                }
            }

            return Classify(response.Status, response.Status, code, message, response.RetryAfter, what);
        }

        private ApiErrorException EnvelopeError(HttpAnswer response, int code, string? message, string what) =>
            Classify(code, response.Status, code, message, response.RetryAfter, what);

        /// <summary>Turns a failure status (HTTP, or an envelope code that looks like one) into a reason and a message.</summary>
        private ApiErrorException Classify(int status, int httpStatus, int? code, string? message, TimeSpan? retryAfter, string what)
        {
            string detail = Redact(message);
            string said = detail.Length > 0 ? $": {detail}" : string.Empty;
            string where = code.HasValue && code.Value != httpStatus ? $"code {code}, HTTP {httpStatus}" : $"HTTP {httpStatus}";
            ShortApiErrorReason reason;
            string text;
            if (status == 401 || status == 403)
            {
                reason = ShortApiErrorReason.AuthenticationFailed;
                text = $"ShortAPI refused the API key for the {what} ({where}{said}). Check that the key is right and active.";
            }
            else if (status == 402 || LooksLikeQuota(detail))
            {
                reason = ShortApiErrorReason.QuotaExceeded;
                text = $"ShortAPI refused the {what} for lack of balance or quota ({where}{said}). Top up the account; retrying will not help.";
            }
            else if (status == 429)
            {
                reason = ShortApiErrorReason.RateLimited;
                text = $"ShortAPI rate-limited the {what} ({where}{said}).";
            }
            else
            {
                reason = ShortApiErrorReason.ApiError;
                text = $"ShortAPI rejected the {what} ({where}{said}).";
            }

            return new ApiErrorException(reason, text, httpStatus, code, detail.Length > 0 ? detail : null) { RetryAfter = retryAfter };
        }

        private static bool LooksLikeQuota(string message)
        {
            string text = message.ToLowerInvariant();
            return new[] { "quota", "balance", "insufficient", "credit", "余额", "欠费" }.Any(text.Contains);
        }

        private CreateOutcomeUnknownException Unknown(PreparedJob job, string why, Exception? inner)
        {
            string message =
                $"The create request for '{(job.Source.Length > 0 ? job.Source : job.Model.DisplayName)}' ({job.Model.DisplayName}) was sent, but {why}. " +
                "The job may exist and may have been charged, so it was not sent again. Check your ShortAPI job list before submitting it again.";
            return new CreateOutcomeUnknownException(message, job.Model.Id, job.Source, job.DisplayArguments, job.InputKey, inner);
        }

        private ApiKey RequireKey() =>
            _options.ApiKey ?? throw new ShortApiException(ShortApiErrorReason.MissingApiKey, "No ShortAPI key is set. Give one to the client before calling the API.");

        private string Redact(string? text) => _options.ApiKey?.Redact(text) ?? text ?? string.Empty;

        private void Log(ClientLogLevel level, Func<string> message)
        {
            var log = _options.Log;
            if (log != null)
            {
                log(level, message());
            }
        }

        private sealed class HttpAnswer
        {
            public HttpAnswer(int status, TimeSpan? retryAfter, byte[] body)
            {
                Status = status;
                RetryAfter = retryAfter;
                Body = body;
            }

            public int Status { get; }

            public TimeSpan? RetryAfter { get; }

            public byte[] Body { get; }

            public bool IsSuccess => Status >= 200 && Status < 300;
        }

        private sealed class Outcome
        {
            public HttpAnswer? Response { get; private set; }

            public Exception? Error { get; private set; }

            /// <summary>The connection was never made: the server cannot have seen the request.</summary>
            public bool NeverSent { get; private set; }

            public bool TimedOut { get; private set; }

            public static Outcome Answered(HttpAnswer response) => new Outcome { Response = response };

            public static Outcome Failed(Exception error, bool neverSent, bool timedOut) => new Outcome { Error = error, NeverSent = neverSent, TimedOut = timedOut };
        }
    }
}
