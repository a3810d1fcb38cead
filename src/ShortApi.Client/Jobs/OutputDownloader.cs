using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Failures;
using ShortApi.Transport;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Saves a finished job's outputs. Each file is written under a temporary name in the target
    /// folder and renamed only once it is complete, not empty, and of the length the server
    /// announced, so a crash, Ctrl+C, a stall or a deadline never leaves a half-written video
    /// under the real name. An existing file is kept (and reported) unless overwriting is asked
    /// for. The key is never sent with a download.
    /// </summary>
    internal sealed class OutputDownloader
    {
        private const int BufferBytes = 81920;

        private readonly ShortApiClientOptions _options;
        private readonly RetryLoop _retry;
        private readonly ServiceText _text;

        public OutputDownloader(ShortApiClientOptions options, ServiceText text)
        {
            _options = options;
            _text = text;
            var random = options.RandomSeed.HasValue ? new Random(options.RandomSeed.Value + 1) : new Random();
            _retry = new RetryLoop(options.Retry, options.Clock, random, options.Log);
        }

        /// <summary>
        /// Downloads every output of <paramref name="job"/> into <paramref name="directory"/>. When
        /// <paramref name="deadline"/> fires first, the job fails with a Timeout; when
        /// <paramref name="cancellationToken"/> does, the download in progress is abandoned (no
        /// partial file remains). Outputs already whole stay, listed in the job's OutputFiles.
        /// </summary>
        public async Task<IReadOnlyList<DownloadedFile>> DownloadAsync(VideoJob job, string directory, bool overwrite, CancellationToken deadline, CancellationToken cancellationToken)
        {
            if (job.Status != JobStatus.Succeeded || job.OutputUrls.Count == 0)
            {
                throw NotFinished(job);
            }

            string folder = Path.GetFullPath(directory);
            Directory.CreateDirectory(folder);
            var files = new List<DownloadedFile>();
            var urls = job.OutputUrls;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
            for (int i = 0; i < urls.Count; i++)
            {
                string target = Path.Combine(folder, OutputNaming.FileName(job, urls[i], i, urls.Count));
                if (!overwrite && File.Exists(target))
                {
                    files.Add(new DownloadedFile(target, urls[i], new FileInfo(target).Length, AlreadyPresent: true));
                    continue;
                }

                try
                {
                    var uri = OutputUri(job, urls[i]);
                    long length = await _retry.RunAsync(ApiOperation.Download, token => TransferAsync(job, uri, target, overwrite, token), linked.Token).ConfigureAwait(false);
                    files.Add(new DownloadedFile(target, urls[i], length, AlreadyPresent: false));
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw PartlySaved(job, files, urls.Count, new ShortApiException(ShortApiErrorReason.Timeout, $"Job {JobIds.Shown(job.JobId)}{Named(job)} succeeded, but the wait's time ran out before its download finished; no part of that file was kept; download its output later (it stays available for a while).") { Target = job.JobId });
                }
                catch (ShortApiException ex) when (files.Count > 0)
                {
                    throw PartlySaved(job, files, urls.Count, ex);
                }
                catch (OperationCanceledException) when (files.Count > 0)
                {
                    // Stopped: the files already whole stay, and the job says where they are.
                    job.AddOutputFiles(files.Select(f => f.Path));
                    throw;
                }
            }

            job.AddOutputFiles(files.Select(f => f.Path));
            return files;
        }

        /// <summary>
        /// A job with several outputs whose later one failed: the earlier files stay (they are
        /// whole), the job lists them, and the error says so, so that none lies on disk unmentioned.
        /// </summary>
        private static ShortApiException PartlySaved(VideoJob job, List<DownloadedFile> saved, int outputs, ShortApiException failure)
        {
            if (saved.Count == 0)
            {
                return failure;
            }

            job.AddOutputFiles(saved.Select(f => f.Path));
            string names = string.Join(", ", saved.Select(f => Path.GetFileName(f.Path)));
            string message = $"{failure.Message} {saved.Count} of its {outputs} outputs are on disk and were kept ({names}); save the job's output again for the rest (files already there are not fetched again).";
            var told = failure is ApiErrorException api
                ? new ApiErrorException(api.Reason, message, api.HttpStatus, api.ApiCode, api.ApiMessage, failure) { RetryAfter = api.RetryAfter }
                : new ShortApiException(failure.Reason, message, failure);
            told.Target = failure.Target ?? job.JobId;
            told.Kind = failure.Kind;
            return told;
        }

        /// <summary>The error for a job that has not succeeded, so has nothing to download yet.</summary>
        public static ShortApiException NotFinished(VideoJob job)
        {
            string why = job.Error != null ? $" ({job.Error.TrimEnd('.')})" : string.Empty;
            var reason = job.IsFinal ? ShortApiErrorReason.DownloadFailed : ShortApiErrorReason.JobNotFinished;
            string advice = job.IsFinal ? "There is no output to save." : "Wait for it to finish first.";
            return new ShortApiException(reason, $"Job {JobIds.Shown(job.JobId)}{Named(job)} has nothing to download: it is {job.Status}{why}. {advice}")
            {
                Target = job.JobId,
            };
        }

        private Uri OutputUri(VideoJob job, string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw Failure(job, $"the service named an output that is not an http(s) URL ('{Shorten(url)}')", FailureKind.Answered, null);
            }

            return uri;
        }

        /// <summary>One attempt: stream to a temporary file beside the target, check it, rename it.</summary>
        private async Task<long> TransferAsync(VideoJob job, Uri uri, string target, bool overwrite, CancellationToken cancellationToken)
        {
            string temporary = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(_options.Clock.ToRealTime(_options.DownloadTimeout));
            var stall = new StallWatch(_options.Clock.ToRealTime(_options.DownloadStallTimeout), attempt);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.UserAgent.ParseAdd(_options.UserAgent);
                using var response = await HttpClientPool.Downloads(_options.Proxy).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                CheckAnswer(job, uri, response);
                long? announced = response.Content.Headers.ContentLength;
                long written;
                using (var input = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                {
                    written = await CopyAsync(job, input, output, stall, attempt.Token).ConfigureAwait(false);
                }

                if (announced.HasValue && written != announced.Value)
                {
                    throw Failure(job, $"the download ended after {written} of the {announced.Value} bytes announced", FailureKind.NoAnswer, null);
                }

                if (written == 0)
                {
                    throw Failure(job, "the service sent an empty (0-byte) file, which is no video", FailureKind.Answered, null);
                }

                Publish(temporary, target, overwrite);
                return written;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw stall.Fired
                    ? Failure(job, $"the download stalled: less than {StallWatch.MinimumBytes} bytes arrived in {_options.DownloadStallTimeout.TotalSeconds:0} s", FailureKind.Answered, null)
                    : Failure(job, $"the download took longer than {_options.DownloadTimeout.TotalMinutes:0} min", FailureKind.Answered, null); // so long that trying again would only repeat it
            }
            catch (HttpRequestException ex) when (ProxyRefusal.IsRefusal(ex))
            {
                throw ProxyRefused(job, uri, ex);
            }
            catch (HttpRequestException ex)
            {
                throw Failure(job, ex.Message, FailureKind.NoAnswer, ex);
            }
            catch (Exception ex) when (ex is UriFormatException || ex is NotSupportedException)
            {
                // A redirect to an address HTTP cannot follow (file://, a malformed host): the service's answer, not ours to retry.
                throw Failure(job, "the service sent the download to an address this client cannot fetch (" + ex.Message.TrimEnd('.') + ")", FailureKind.Answered, ex);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Our side (a full disk, a folder we may not write): trying again will not help.
                throw Failure(job, $"{target} could not be written: {ex.Message}", FailureKind.Local, ex);
            }
            finally
            {
                stall.Dispose();
                TryDelete(temporary);
            }
        }

        private void CheckAnswer(VideoJob job, Uri uri, HttpResponseMessage response)
        {
            int status = (int)response.StatusCode;
            if (status >= 200 && status <= 299)
            {
                long? announced = response.Content.Headers.ContentLength;
                if (announced > _options.MaxOutputBytes)
                {
                    throw Failure(job, $"the output is {announced} bytes, more than the {_options.MaxOutputBytes} allowed (ShortApiClientOptions.MaxOutputBytes)", FailureKind.Answered, null);
                }

                return;
            }

            if (status == ProxyRefusal.Status)
            {
                throw ProxyRefused(job, uri, null);
            }

            var reason = status == 429 ? ShortApiErrorReason.RateLimited : ShortApiErrorReason.DownloadFailed;
            string redirect = status >= 300 && status <= 399 ? " (a redirect this client does not follow)" : string.Empty;
            throw new ApiErrorException(reason, $"Downloading the output of job {JobIds.Shown(job.JobId)}{Named(job)} failed: {uri.Host}{uri.AbsolutePath} answered HTTP {status}{redirect}.", status, null, null)
            {
                RetryAfter = ApiTransport.RetryAfterOf(response),
                Target = job.JobId,
            };
        }

        /// <summary>Copies the body, counting bytes for the stall watch and stopping at the size cap.</summary>
        private async Task<long> CopyAsync(VideoJob job, Stream input, Stream output, StallWatch stall, CancellationToken cancellationToken)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
            long written = 0;
            try
            {
                while (true)
                {
                    int n;
                    try
                    {
                        n = await input.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                    }
                    catch (IOException ex)
                    {
                        // The connection broke mid-body: worth another try, unlike a failed write to disk.
                        throw Failure(job, "the connection broke: " + ex.Message, FailureKind.NoAnswer, ex);
                    }

                    if (n == 0)
                    {
                        break;
                    }

                    written += n;
                    if (written > _options.MaxOutputBytes)
                    {
                        throw Failure(job, $"the output passed the {_options.MaxOutputBytes} bytes allowed (ShortApiClientOptions.MaxOutputBytes)", FailureKind.Answered, null);
                    }

                    stall.Progress(n);
                    await output.WriteAsync(buffer, 0, n, cancellationToken).ConfigureAwait(false);
                }

                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                ((FileStream)output).Flush(flushToDisk: true);
                return written;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private ShortApiException ProxyRefused(VideoJob job, Uri uri, Exception? inner)
        {
            var failure = ProxyRefusal.Create(uri, _options.Proxy, $"the download of the output of job {JobIds.Shown(job.JobId)}{Named(job)}", inner);
            failure.Target = job.JobId;
            return failure;
        }

        /// <summary>A failed download of one job; what went wrong is made safe to show (it may quote the server).</summary>
        private ShortApiException Failure(VideoJob job, string what, FailureKind kind, Exception? inner) =>
            new ShortApiException(ShortApiErrorReason.DownloadFailed, $"Downloading the output of job {JobIds.Shown(job.JobId)}{Named(job)} failed: {_text.Clean(what)}.", inner)
            {
                Target = job.JobId,
                Kind = kind,
            };

        private static string Named(VideoJob job) => job.SourceName.Length > 0 ? $" ({job.SourceName})" : string.Empty;

        private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";

        /// <summary>Moves the finished file into place. Without overwrite, a file that appeared meanwhile wins and is kept.</summary>
        private static void Publish(string temporary, string target, bool overwrite)
        {
            if (File.Exists(target))
            {
                if (overwrite)
                {
                    File.Replace(temporary, target, null);
                }

                return;
            }

            try
            {
                File.Move(temporary, target);
            }
            catch (IOException) when (File.Exists(target) && overwrite)
            {
                File.Replace(temporary, target, null);
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
                // A leftover .partial file is harmless and is never mistaken for an output.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
