using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Timing;
using ShortApi.Transport;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Saves a finished job's outputs. Each file is written under a temporary name in the target
    /// folder and renamed only once it is complete and of the length the server announced, so a
    /// crash or Ctrl+C never leaves a half-written video under the real name. An existing file is
    /// kept (and reported) unless overwriting is asked for. The key is never sent with a download.
    /// </summary>
    internal sealed class OutputDownloader
    {
        private readonly ShortApiClientOptions _options;
        private readonly Random _random;

        public OutputDownloader(ShortApiClientOptions options)
        {
            _options = options;
            _random = options.RandomSeed.HasValue ? new Random(options.RandomSeed.Value + 1) : new Random();
        }

        public async Task<IReadOnlyList<DownloadedFile>> DownloadAsync(VideoJob job, string directory, bool overwrite, CancellationToken cancellationToken)
        {
            if (job.Status != JobStatus.Succeeded || job.OutputUrls.Count == 0)
            {
                throw NothingToDownload(job);
            }

            string folder = Path.GetFullPath(directory);
            Directory.CreateDirectory(folder);
            var files = new List<DownloadedFile>();
            var urls = job.OutputUrls;
            for (int i = 0; i < urls.Count; i++)
            {
                string target = Path.Combine(folder, OutputNaming.FileName(job, urls[i], i, urls.Count));
                if (!overwrite && File.Exists(target))
                {
                    files.Add(new DownloadedFile(target, urls[i], new FileInfo(target).Length, alreadyPresent: true));
                    continue;
                }

                files.Add(await DownloadOneAsync(job, urls[i], target, overwrite, cancellationToken).ConfigureAwait(false));
            }

            job.AddOutputFiles(files.Select(f => f.Path));
            return files;
        }

        /// <summary>The error for a job that has not succeeded, so has no output yet.</summary>
        public static ShortApiException NothingToDownload(VideoJob job)
        {
            string source = job.SourceName.Length > 0 ? $" ({job.SourceName})" : string.Empty;
            string why = job.Error != null ? $" ({job.Error.TrimEnd('.')})" : string.Empty;
            return new ShortApiException(ShortApiErrorReason.DownloadFailed, $"Job {job.JobId}{source} has nothing to download: it is {job.Status}{why}. Wait for it to succeed first.")
            {
                Target = job.JobId,
            };
        }

        private async Task<DownloadedFile> DownloadOneAsync(VideoJob job, string url, string target, bool overwrite, CancellationToken cancellationToken)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ShortApiException(ShortApiErrorReason.DownloadFailed, $"Job {job.JobId} names an output that is not an http(s) URL: '{url}'.") { Target = job.JobId };
            }

            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    long length = await TransferAsync(uri, target, overwrite, cancellationToken).ConfigureAwait(false);
                    return new DownloadedFile(target, url, length, alreadyPresent: false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex) when (IsTransient(ex) && attempt < _options.Retry.MaxAttempts)
                {
                    var delay = _options.Retry.DelayBefore(attempt, (ex as ApiErrorException)?.RetryAfter, _random);
                    _options.Log?.Invoke(ClientLogLevel.Verbose, $"Download of job {job.JobId} failed ({ex.Message}); retrying in {delay.TotalSeconds:0.0} s.");
                    await _options.Clock.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (ShortApiException ex)
                {
                    ex.Target ??= job.JobId;
                    throw;
                }
                catch (Exception ex) when (ex is IOException || ex is HttpRequestException || ex is OperationCanceledException || ex is UnauthorizedAccessException)
                {
                    throw new ShortApiException(ShortApiErrorReason.DownloadFailed, $"Downloading the output of job {job.JobId} to {target} failed: {ex.Message}", ex) { Target = job.JobId };
                }
            }
        }

        /// <summary>One attempt: stream to a temporary file beside the target, check the length, rename.</summary>
        private async Task<long> TransferAsync(Uri uri, string target, bool overwrite, CancellationToken cancellationToken)
        {
            string temporary = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Clock.ToRealTime(_options.DownloadTimeout));
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.UserAgent.ParseAdd(_options.UserAgent);
                using var response = await HttpClientPool.Downloads.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status < 200 || status > 299)
                {
                    var reason = status == 429 ? ShortApiErrorReason.RateLimited : ShortApiErrorReason.DownloadFailed;
                    throw new ApiErrorException(reason, $"The output at {uri.Host}{uri.AbsolutePath} answered HTTP {status}.", status, null, null)
                    {
                        RetryAfter = response.Headers.RetryAfter?.Delta,
                    };
                }

                long? announced = response.Content.Headers.ContentLength;
                long written = 0;
                using (var input = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
                {
                    byte[] buffer = ArrayPool<byte>.Shared.Rent(81920);
                    try
                    {
                        int n;
                        while ((n = await input.ReadAsync(buffer, 0, buffer.Length, timeout.Token).ConfigureAwait(false)) > 0)
                        {
                            await output.WriteAsync(buffer, 0, n, timeout.Token).ConfigureAwait(false);
                            written += n;
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }

                    await output.FlushAsync(timeout.Token).ConfigureAwait(false);
                    output.Flush(flushToDisk: true);
                }

                if (announced.HasValue && written != announced.Value)
                {
                    throw new IOException($"the download ended after {written} of the {announced.Value} bytes announced");
                }

                Publish(temporary, target, overwrite);
                return written;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the download took longer than {_options.DownloadTimeout.TotalMinutes:0} min");
            }
            finally
            {
                TryDelete(temporary);
            }
        }

        /// <summary>Moves the finished file into place. Without overwrite, a file that appeared meanwhile wins and is kept.</summary>
        private static void Publish(string temporary, string target, bool overwrite)
        {
            if (File.Exists(target))
            {
                if (!overwrite)
                {
                    return;
                }

                File.Replace(temporary, target, null);
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

        private static bool IsTransient(Exception ex) =>
            ex is HttpRequestException ||
            ex is TimeoutException ||
            (ex is IOException && !(ex is FileNotFoundException) && !(ex is DirectoryNotFoundException)) ||
            (ex is ApiErrorException api && (api.HttpStatus == 429 || api.HttpStatus == 408 || api.HttpStatus >= 500));

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
