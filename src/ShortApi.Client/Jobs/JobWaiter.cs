using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Transport;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Waits for many jobs at once and reports each as it ends, in the order they end: polls them
    /// together (<see cref="JobPoller"/>), records final states in the journal, and downloads each
    /// success as soon as it is known when an output folder is given. Jobs may be added while the
    /// wait runs, so a pipeline can hand them over as they are created. Events are collected for
    /// the caller's own thread (a PowerShell pipeline may only be written from its thread).
    /// </summary>
    public sealed class JobWaiter : IDisposable, IPollerListener
    {
        private readonly BlockingCollection<WaitEvent> _events = new BlockingCollection<WaitEvent>();
        private readonly CancellationTokenSource _stop;
        private readonly CancellationTokenSource _pollStop;
        private readonly WaitOptions _options;
        private readonly OutputDownloader _downloader;
        private readonly JobPoller _poller;
        private readonly SemaphoreSlim _downloadSlots;
        private readonly Action<ClientLogLevel, string>? _log;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private int _outstanding = 1; // the poller itself, plus one per download in flight
        private int _total;
        private int _succeeded;
        private int _failed;
        private int _timedOut;
        private int _fatalReported;
        private int _disposed;

        internal JobWaiter(ApiTransport transport, OutputDownloader downloader, RequestBudget budget, ShortApiClientOptions clientOptions, WaitOptions options, CancellationToken cancellationToken)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _downloader = downloader;
            _log = clientOptions.Log;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _pollStop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            if (options.Timeout.HasValue)
            {
                _pollStop.CancelAfter(clientOptions.Clock.ToRealTime(options.Timeout.Value));
            }

            _downloadSlots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentDownloads));
            _poller = new JobPoller(transport.QueryAsync, budget, new PollSchedule(options.PollInterval), clientOptions.Clock, options.MaxConcurrentQueries, this);
            Task.Run(RunAsync);
        }

        /// <summary>A snapshot of the wait's counts.</summary>
        public WaitProgress Progress => new WaitProgress(
            Volatile.Read(ref _total), Volatile.Read(ref _succeeded), Volatile.Read(ref _failed), Volatile.Read(ref _timedOut), _elapsed.Elapsed, _poller.Queries);

        /// <summary>Status queries sent per job, for measuring the cadence.</summary>
        public IReadOnlyDictionary<string, int> QueriesPerJob => _poller.QueriesPerJob;

        /// <summary>True once every event has been taken and no more will come.</summary>
        public bool IsCompleted => _events.IsCompleted;

        /// <summary>Adds a job to the wait. A job already final is reported (and downloaded) without a query. Returns false for a duplicate.</summary>
        public bool Add(VideoJob job)
        {
            if (job == null)
            {
                throw new ArgumentNullException(nameof(job));
            }

            lock (_seen)
            {
                if (!_seen.Add(job.JobId))
                {
                    return false;
                }
            }

            Interlocked.Increment(ref _total);
            if (_options.DownloadOnly && job.Status != JobStatus.Succeeded)
            {
                Interlocked.Increment(ref _failed);
                _events.Add(new WaitEvent(WaitEventKind.Failed, job, OutputDownloader.NothingToDownload(job)));
            }
            else if (job.IsFinal)
            {
                Finish(job, journal: false);
            }
            else
            {
                _poller.Add(job);
            }

            return true;
        }

        /// <summary>No more jobs will be added: the wait ends when the ones it has end.</summary>
        public void CompleteAdding() => _poller.CompleteAdding();

        /// <summary>Takes the next event, waiting up to <paramref name="timeout"/>; false when none came or the wait is over.</summary>
        public bool TryTake(out WaitEvent waitEvent, TimeSpan timeout, CancellationToken cancellationToken)
        {
            try
            {
                return _events.TryTake(out waitEvent!, (int)Math.Min(int.MaxValue, Math.Max(0, timeout.TotalMilliseconds)), cancellationToken);
            }
            catch (InvalidOperationException)
            {
                waitEvent = null!;
                return false;
            }
        }

        /// <summary>Every event, as it happens, until the wait is over.</summary>
        public IEnumerable<WaitEvent> Events(CancellationToken cancellationToken) => _events.GetConsumingEnumerable(cancellationToken);

        /// <summary>
        /// Stops polling and downloading. Safe to call more than once. The token sources are only
        /// cancelled, not disposed: downloads still unwinding may look at their token.
        /// </summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _stop.Cancel();
            }
        }

        private async Task RunAsync()
        {
            try
            {
                await _poller.RunAsync(_pollStop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                if (!_stop.IsCancellationRequested)
                {
                    // The wait's own time ran out: say which jobs were still running, and how to resume.
                    foreach (var job in _poller.Remaining())
                    {
                        Interlocked.Increment(ref _timedOut);
                        var error = new ShortApiException(
                            ShortApiErrorReason.Timeout,
                            $"Job {job.JobId} ({job.SourceName}) was still {job.Status} when the wait's time ran out after {_options.Timeout?.TotalSeconds:0} s. It keeps running; wait for it again with its id {job.JobId}.")
                        { Target = job.JobId };
                        _events.Add(new WaitEvent(WaitEventKind.TimedOut, job, error));
                    }
                }
            }
            catch (Exception ex)
            {
                OnFatal(new ShortApiException(ShortApiErrorReason.ApiError, "Waiting for jobs failed: " + ex.Message, ex));
            }
            finally
            {
                Release();
            }
        }

        void IPollerListener.OnEnded(VideoJob job) => Finish(job, journal: true);

        void IPollerListener.OnLost(VideoJob job, ShortApiException error)
        {
            Interlocked.Increment(ref _failed);
            error.Target ??= job.JobId;
            _events.Add(new WaitEvent(WaitEventKind.Failed, job, error));
        }

        void IPollerListener.OnFatal(ShortApiException error) => OnFatal(error);

        void IPollerListener.OnWarning(string message)
        {
            _log?.Invoke(ClientLogLevel.Warning, message);
            _events.Add(new WaitEvent(WaitEventKind.Warning, null, message: message));
        }

        private void OnFatal(ShortApiException error)
        {
            if (Interlocked.Exchange(ref _fatalReported, 1) == 0)
            {
                _events.Add(new WaitEvent(WaitEventKind.Failed, null, error));
                _stop.Cancel();
            }
        }

        private void Finish(VideoJob job, bool journal)
        {
            if (journal && _options.Journal != null)
            {
                TryJournal(() => _options.Journal.RecordFinal(job));
            }

            if (job.Status == JobStatus.Succeeded && _options.DownloadDirectory != null)
            {
                Interlocked.Increment(ref _outstanding);
                _ = DownloadAndReportAsync(job);
                return;
            }

            Count(job);
            _events.Add(new WaitEvent(WaitEventKind.Ended, job, FailureOf(job)));
        }

        /// <summary>For a job that ended in failure, the error to report beside it.</summary>
        private static ShortApiException? FailureOf(VideoJob job)
        {
            if (job.Status != JobStatus.Failed)
            {
                return null;
            }

            string source = job.SourceName.Length > 0 ? $" ({job.SourceName})" : string.Empty;
            string reason = (job.Error ?? "no reason given").TrimEnd('.') + ".";
            string refund = job.Refunded ? " Its charge was refunded." : string.Empty;
            return new ShortApiException(ShortApiErrorReason.JobFailed, $"Job {job.JobId}{source} failed: {reason}{refund}") { Target = job.JobId };
        }

        private async Task DownloadAndReportAsync(VideoJob job)
        {
            try
            {
                await _downloadSlots.WaitAsync(_stop.Token).ConfigureAwait(false);
                try
                {
                    var files = await _downloader.DownloadAsync(job, _options.DownloadDirectory!, _options.Overwrite, _stop.Token).ConfigureAwait(false);
                    if (_options.Journal != null)
                    {
                        TryJournal(() => _options.Journal.RecordSaved(job, files.Select(f => f.Path).ToList()));
                    }

                    Count(job);
                    _events.Add(new WaitEvent(WaitEventKind.Ended, job, files: files));
                }
                finally
                {
                    _downloadSlots.Release();
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: nothing half-written remains (the downloader cleans up its temporary file).
            }
            catch (ShortApiException ex)
            {
                Count(job);
                _events.Add(new WaitEvent(WaitEventKind.Ended, job, ex));
            }
            finally
            {
                Release();
            }
        }

        private void Count(VideoJob job)
        {
            if (job.Status == JobStatus.Succeeded)
            {
                Interlocked.Increment(ref _succeeded);
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }
        }

        private void TryJournal(Action write)
        {
            try
            {
                write();
            }
            catch (ShortApiException ex)
            {
                _events.Add(new WaitEvent(WaitEventKind.Warning, null, message: ex.Message));
            }
        }

        private void Release()
        {
            if (Interlocked.Decrement(ref _outstanding) == 0)
            {
                _events.CompleteAdding();
            }
        }
    }
}
