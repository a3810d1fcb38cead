using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Failures;
using ShortApi.Jobs;

namespace ShortApi.Transport
{
    /// <summary>
    /// The two API calls. Each attempt is one HTTP exchange turned into a result or a
    /// <see cref="ShortApiException"/> saying how far it got; whether to try again is
    /// <see cref="FailurePolicy"/>'s call, made in <see cref="RetryLoop"/>.
    /// </summary>
    internal sealed class ApiTransport
    {
        private const int MaxResponseBytes = 1024 * 1024;

        private readonly Uri _base;
        private readonly ShortApiClientOptions _options;
        private readonly RetryLoop _retry;
        private readonly ServiceText _text;

        public ApiTransport(ShortApiClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _base = EndpointPolicy.Validate(options.Endpoint);
            EndpointPolicy.CheckProxy(_base, options.Proxy);
            var random = options.RandomSeed.HasValue ? new Random(options.RandomSeed.Value) : new Random();
            _retry = new RetryLoop(options.Retry, options.Clock, random, options.Log);
            _text = new ServiceText(options.ApiKey);
        }

        public Uri BaseAddress => _base;

        /// <summary>Makes server text safe to show; shared with everything that reports what the service said.</summary>
        public ServiceText Text => _text;

        /// <summary>Called whenever the service answers 429 or 503 (with the call and its Retry-After), so the shared throttle and budget can back off.</summary>
        public Action<ApiOperation, TimeSpan?>? RateLimited { get; set; }

        /// <summary>
        /// Creates a job. <paramref name="beforeLastBytes"/> is called (on each attempt) just before
        /// the request is complete on the wire: from then on the service may have the job.
        /// <paramref name="cancellationToken"/> stops the create at any point; stopped after the
        /// request went out in full, it cannot be taken back, so that ends as an unknown outcome.
        /// <paramref name="stopUnlessSent"/> stops it only while it has not gone out in full (a
        /// batch that stops lets the creates already sent land).
        /// </summary>
        public async Task<CreatedJob> CreateAsync(PreparedJob job, Action? beforeLastBytes, CancellationToken cancellationToken, CancellationToken stopUnlessSent = default)
        {
            var key = RequireKey();
            var uri = new Uri(_base, "api/v1/job/create");
            Log(ClientLogLevel.Debug, () => "Create body: " + _text.Clean(CreateRequestContent.Preview(job.Model.Id, job.WireArguments, job.CallbackUrl)));
            int sentInFull = 0;
            using var stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopUnlessSent);
            try
            {
                return await _retry.RunAsync(
                    ApiOperation.Create,
                    async _ =>
                    {
                        Volatile.Write(ref sentInFull, 0);
                        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        using var stopBeforeSent = stopUnlessSent.Register(() =>
                        {
                            if (Volatile.Read(ref sentInFull) == 0)
                            {
                                attempt.Cancel();
                            }
                        });
                        Action lastBytes = () =>
                        {
                            Volatile.Write(ref sentInFull, 1);
                            beforeLastBytes?.Invoke();
                        };
                        var content = Body(job, lastBytes);
                        var answer = await SendAsync(ApiOperation.Create, () => new HttpRequestMessage(HttpMethod.Post, uri) { Content = content }, key, _options.CreateTimeout, "the create", attempt.Token).ConfigureAwait(false);
                        using var document = ReadEnvelope(answer, ApiOperation.Create, "the create");
                        return ApiResponseReader.ReadCreated(document.RootElement)
                            ?? throw NoAnswer(ShortApiErrorReason.UnexpectedResponse, "The create's answer carried no usable job id.");
                    },
                    stopped.Token,
                    () => Volatile.Read(ref sentInFull) == 1,
                    (failure, verdict) => verdict == FailureVerdict.OutcomeUnknown ? Unknown(job, failure) : failure).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (Volatile.Read(ref sentInFull) == 1)
            {
                throw Unknown(job, new ShortApiException(ShortApiErrorReason.ApiError, "the run was stopped before an answer came", ex) { Kind = FailureKind.NoAnswer });
            }
        }

        /// <summary>The create's body; a local image that vanished or cannot be read since it was checked fails here, before anything is sent.</summary>
        private static CreateRequestContent Body(PreparedJob job, Action lastBytes)
        {
            try
            {
                return new CreateRequestContent(job.Model.Id, job.WireArguments, job.CallbackUrl, lastBytes);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new ShortApiException(ShortApiErrorReason.ImageNotFound, $"An image of '{job.DisplaySource}' is gone since it was checked: {ex.Message}", ex) { Target = job.DisplaySource, Kind = FailureKind.Local };
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ShortApiException(ShortApiErrorReason.ImageRejected, $"An image of '{job.DisplaySource}' cannot be read: {ex.Message}", ex) { Target = job.DisplaySource, Kind = FailureKind.Local };
            }
        }

        public Task<JobState> QueryAsync(string jobId, CancellationToken cancellationToken)
        {
            var key = RequireKey();
            var uri = new Uri(_base, "api/v1/job/query?id=" + Uri.EscapeDataString(jobId));
            string what = $"the query of job {JobIds.Shown(jobId)}";
            return _retry.RunAsync(
                ApiOperation.Query,
                async token =>
                {
                    try
                    {
                        var answer = await SendAsync(ApiOperation.Query, () => new HttpRequestMessage(HttpMethod.Get, uri), key, _options.QueryTimeout, what, token).ConfigureAwait(false);
                        using var document = ReadEnvelope(answer, ApiOperation.Query, what);
                        return ApiResponseReader.ReadState(jobId, document.RootElement, _options.Clock.UtcNow, _text);
                    }
                    catch (ShortApiException ex)
                    {
                        ex.Target ??= jobId;
                        throw;
                    }
                },
                cancellationToken);
        }

        /// <summary>One HTTP exchange: the answer, or a failure saying whether the request can have reached the service.</summary>
        private async Task<HttpAnswer> SendAsync(ApiOperation operation, Func<HttpRequestMessage> build, ApiKey key, TimeSpan timeout, string what, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var request = build();
            request.Headers.Authorization = key.ToHeader();
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(_options.Clock.ToRealTime(timeout));
            var watch = Stopwatch.StartNew();
            string line = $"{request.Method} {request.RequestUri!.AbsolutePath}";
            try
            {
                using var response = await HttpClientPool.Api(_options.Proxy).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
                byte[] body = await ReadBodyAsync(response, timeoutSource.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status == ProxyRefusal.Status)
                {
                    Log(ClientLogLevel.Verbose, () => $"{line} -> HTTP {status} from the proxy in {watch.ElapsedMilliseconds} ms.");
                    throw ProxyRefusal.Create(request.RequestUri, _options.Proxy, what);
                }

                var retryAfter = RetryAfterOf(response);
                if (status == 429 || status == 503)
                {
                    RateLimited?.Invoke(operation, retryAfter);
                }

                Log(ClientLogLevel.Verbose, () => $"{line} -> HTTP {status} in {watch.ElapsedMilliseconds} ms.");
                Log(ClientLogLevel.Debug, () => "Response: " + _text.Clean(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096))));
                return new HttpAnswer(status, retryAfter, body);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                Log(ClientLogLevel.Verbose, () => $"{line} timed out after {watch.ElapsedMilliseconds} ms.");
                throw new ShortApiException(ShortApiErrorReason.Timeout, $"{Capitalize(what)} got no answer within {timeout.TotalSeconds:0} s.", ex) { Kind = FailureKind.NoAnswer };
            }
            catch (HttpRequestException ex) when (ProxyRefusal.IsRefusal(ex))
            {
                Log(ClientLogLevel.Verbose, () => $"{line}: the proxy refused the tunnel with HTTP 407 after {watch.ElapsedMilliseconds} ms.");
                throw ProxyRefusal.Create(request.RequestUri, _options.Proxy, what, ex);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
            {
                string detail = _text.Clean(ex.Message + (ex.InnerException != null ? " (" + ex.InnerException.Message + ")" : string.Empty))!;
                Log(ClientLogLevel.Verbose, () => $"{line} failed after {watch.ElapsedMilliseconds} ms: {detail}");
                if (NeverConnected(ex))
                {
                    throw new ShortApiException(ShortApiErrorReason.ApiError, $"Could not connect to {_base.Host} for {what}: {detail}") { Kind = FailureKind.NotConnected };
                }

                throw NoAnswer(ShortApiErrorReason.ApiError, $"The connection to {_base.Host} was lost during {what}: {detail}");
            }
        }

        /// <summary>A successful envelope as JSON; an error status or code becomes the failure it describes.</summary>
        private JsonDocument ReadEnvelope(HttpAnswer answer, ApiOperation operation, string what)
        {
            var document = ApiResponseReader.TryParse(answer.Body);
            int? code = document == null ? null : ApiResponseReader.Code(document.RootElement);
            bool success = answer.Status >= 200 && answer.Status < 300;
            if (success && document != null && (!code.HasValue || code.Value == 0))
            {
                return document;
            }

            string? message = document == null ? null : _text.Clean(ApiResponseReader.Message(document.RootElement));
            document?.Dispose();
            if (success && document == null)
            {
                throw NoAnswer(ShortApiErrorReason.UnexpectedResponse, $"The answer to {what} (HTTP {answer.Status}) was not readable JSON.");
            }

            throw Refusal(operation, answer, code, message, what);
        }

        private static ApiErrorException Refusal(ApiOperation operation, HttpAnswer answer, int? code, string? message, string what)
        {
            // The status the failure means, as FailurePolicy reads it: an envelope code that reads as an HTTP status, else the HTTP status.
            int status = ApiErrorException.StatusOf(answer.Status, code) ?? answer.Status;
            string said = string.IsNullOrEmpty(message) ? string.Empty : ": " + message;
            string where = code.HasValue && code.Value != answer.Status ? $"code {code}, HTTP {answer.Status}" : $"HTTP {answer.Status}";
            ShortApiErrorReason reason;
            string text;
            if (status == 401 || status == 403)
            {
                reason = ShortApiErrorReason.AuthenticationFailed;
                text = $"ShortAPI refused the API key for {what} ({where}{said}). Check that the key is right and active.";
            }
            else if (status == 402 || ((status == 400 || status == 403 || status == 429) && LooksLikeQuota(message)))
            {
                reason = ShortApiErrorReason.QuotaExceeded;
                text = $"ShortAPI refused {what} for lack of balance or quota ({where}{said}). Top up the account; retrying will not help.";
            }
            else if (status == 429)
            {
                reason = ShortApiErrorReason.RateLimited;
                text = $"ShortAPI rate-limited {what} ({where}{said}).";
            }
            else if (status == 404 && operation == ApiOperation.Query)
            {
                reason = ShortApiErrorReason.JobNotFound;
                text = $"ShortAPI does not know the job asked about in {what} ({where}{said}). Check the id, and that it was created on this endpoint.";
            }
            else
            {
                reason = ShortApiErrorReason.ApiError;
                text = $"ShortAPI rejected {what} ({where}{said}).";
            }

            return new ApiErrorException(reason, text, answer.Status, code, string.IsNullOrEmpty(message) ? null : message) { RetryAfter = answer.RetryAfter };
        }

        private static bool LooksLikeQuota(string? message)
        {
            string text = (message ?? string.Empty).ToLowerInvariant();
            // Phrases, not words: "insufficient image resolution" is a bad input, not an empty account.
            return new[] { "quota", "balance", "insufficient funds", "insufficient credit", "out of credit", "余额", "欠费" }.Any(text.Contains);
        }

        /// <summary>The create went out in full and no clear answer came: the job may exist and be charged.</summary>
        private CreateOutcomeUnknownException Unknown(PreparedJob job, ShortApiException failure)
        {
            string why = failure.Reason == ShortApiErrorReason.Timeout ? $"no answer came within {_options.CreateTimeout.TotalSeconds:0} s"
                : failure is ApiErrorException api ? $"the server failed with HTTP {api.HttpStatus}{(api.ApiCode.HasValue && api.ApiCode != api.HttpStatus ? $" (code {api.ApiCode})" : string.Empty)}"
                : failure.Message.TrimEnd('.');
            string message =
                $"The create request for '{job.DisplaySource}' ({job.Model.DisplayName}) was sent, but {Uncapitalize(why)}. " +
                "The job may exist and may have been charged, so it was not sent again. Check your ShortAPI job list before submitting it again.";
            return new CreateOutcomeUnknownException(message, job.Model.Id, job.Source, job.DisplayArguments, job.InputKey, failure) { Kind = failure.Kind };
        }

        private static ShortApiException NoAnswer(ShortApiErrorReason reason, string message) =>
            new ShortApiException(reason, message) { Kind = FailureKind.NoAnswer };

        /// <summary>
        /// True only when the connection itself could not be made, so the server cannot have seen
        /// the request. A reset or close later in the exchange does not count.
        /// </summary>
        private static bool NeverConnected(Exception ex)
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

        internal static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta.HasValue == true)
            {
                return header.Delta.Value;
            }

            if (header?.Date.HasValue == true)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        private ApiKey RequireKey() =>
            _options.ApiKey ?? throw new ShortApiException(ShortApiErrorReason.MissingApiKey, "No ShortAPI key is set. Give one to the client before calling the API.");

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private static string Uncapitalize(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);

        private void Log(ClientLogLevel level, Func<string> message) => _options.Log?.Invoke(level, message());

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
        }
    }
}
