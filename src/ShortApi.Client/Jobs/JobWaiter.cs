using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Jobs.Lengths;
using ShortApi.Journal;
using ShortApi.Transport;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Waits for many jobs at once and reports each as it ends, in the order they end: polls them
    /// together (<see cref="JobPoller"/>), records final states in the journal, and downloads each
    /// success as soon as it is known when an output folder is given. Jobs may be added while the
    /// wait runs, so a pipeline can hand them over as they are created. Events go through
    /// <see cref="Events"/> to the caller's own thread.
    /// Every job added ends as exactly one Ended, TimedOut or Failed event: <see cref="Report"/> is
    /// the only way out, and a job the wait somehow lost track of is reported when it closes.
    /// </summary>
    public sealed class JobWaiter : IDisposable, IPollerListener
    {
        private readonly ResultQueue<WaitEvent> _events = new ResultQueue<WaitEvent>();
        private readonly CancellationTokenSource _stop;
        private readonly CancellationTokenSource _deadline = new CancellationTokenSource();
        private readonly WaitOptions _options;
        private readonly OutputDownloader _downloader;
        private readonly ServiceText _text;
        private readonly JobPoller _poller;
        private readonly LengthSources _lengthSources;
        private readonly SemaphoreSlim _downloadSlots;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private readonly Dictionary<string, VideoJob> _unreported = new Dictionary<string, VideoJob>(StringComparer.Ordinal);
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private int _total;
        private int _succeeded;
        private int _failed;
        private int _timedOut;
        private int _fatalReported;
        private readonly object _deadlineGate = new object();
        private bool _deadlinePassed;
        private int _disposed;

        internal JobWaiter(ApiTransport transport, OutputDownloader downloader, RequestBudget budget, JobLengths lengths, ShortApiClientOptions clientOptions, WaitOptions options, CancellationToken cancellationToken)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _downloader = downloader;
            _text = transport.Text;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (options.Timeout.HasValue)
            {
                _deadline.CancelAfter(clientOptions.Clock.ToRealTime(options.Timeout.Value));
            }

            _downloadSlots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentDownloads));
            _poller = new JobPoller(transport.QueryAsync, budget, new PollSchedule(options.PollInterval), lengths, clientOptions.Clock, options.MaxConcurrentQueries, this);
            _lengthSources = new LengthSources(lengths, clientOptions.Catalog, transport.BaseAddress);
            _events.BeginWork(); // the poller's own run
            Task.Run(RunAsync);
        }

        /// <summary>What happened, as it happens, for the caller's thread to report.</summary>
        public ResultQueue<WaitEvent> Events => _events;

        /// <summary>A snapshot of the wait's counts.</summary>
        public WaitProgress Progress => new WaitProgress(
            Volatile.Read(ref _total), Volatile.Read(ref _succeeded), Volatile.Read(ref _failed), Volatile.Read(ref _timedOut), _elapsed.Elapsed, _poller.Queries);

        /// <summary>Status queries sent per job, for measuring the cadence.</summary>
        public IReadOnlyDictionary<string, int> QueriesPerJob => _poller.QueriesPerJob;

        /// <summary>Adds a job to the wait. A job already final is reported (and downloaded) without a query. Returns false for a duplicate.</summary>
        public bool Add(VideoJob job)
        {
            if (job == null)
            {
                throw new ArgumentNullException(nameof(job));
            }

            lock (_unreported)
            {
                if (!_seen.Add(job.JobId))
                {
                    return false;
                }

                _unreported[job.JobId] = job;
            }

            Interlocked.Increment(ref _total);
            if (_options.DownloadOnly && job.Status != JobStatus.Succeeded)
            {
                Report(WaitEventKind.Failed, job, OutputDownloader.NotFinished(job));
            }
            else if (job.IsFinal)
            {
                Finish(job, journal: false);
            }
            else
            {
                bool late;
                lock (_deadlineGate)
                {
                    // Under the lock the timeout's snapshot of remaining jobs also takes: a job is in it, or sees the deadline here.
                    late = _deadlinePassed;
                    if (!late)
                    {
                        _poller.Add(job, KindOf(job));
                    }
                }

                if (late)
                {
                    Report(WaitEventKind.TimedOut, job, TimedOut(job));
                }
            }

            return true;
        }

        /// <summary>The job's kind for learning lengths, after bringing in what its journal and the catalog know of it; null when nothing is learned.</summary>
        private string? KindOf(VideoJob job)
        {
            string? key = _poller.Learns && job.SubmittedAt.HasValue ? LengthKey.Of(job) : null;
            if (key != null)
            {
                _lengthSources.Consider(job, key, _options.Journal ?? job.Journal);
            }

            return key;
        }

        /// <summary>No more jobs will be added: the wait ends when the ones it has end.</summary>
        public void CompleteAdding()
        {
            _poller.CompleteAdding();
            _events.CompleteAdding();
        }

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
                using var polling = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _deadline.Token);
                await _poller.RunAsync(polling.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
            {
                // The wait's own time ran out: say which jobs were still running, and how to resume.
                IReadOnlyList<VideoJob> remaining;
                lock (_deadlineGate)
                {
                    _deadlinePassed = true;
                    remaining = _poller.Remaining().ToList();
                }

                foreach (var job in remaining)
                {
                    Report(WaitEventKind.TimedOut, job, TimedOut(job));
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped by the caller: nothing more is reported.
            }
            catch (Exception ex)
            {
                OnFatal(ex as ShortApiException ?? new ShortApiException(ShortApiErrorReason.ApiError, "Waiting for jobs failed: " + ex.Message, ex));
            }
            finally
            {
                ReportForgotten();
                _events.EndWork();
            }
        }

        private ShortApiException TimedOut(VideoJob job) => new ShortApiException(
            ShortApiErrorReason.Timeout,
            $"Job {JobIds.Shown(job.JobId)}{Named(job)} was still {job.Status} when the wait's time ran out after {_options.Timeout?.TotalSeconds:0} s. It keeps running; wait for it again with its id {JobIds.Shown(job.JobId)}.")
        { Target = job.JobId };

        void IPollerListener.OnEnded(VideoJob job) => Finish(job, journal: true);

        void IPollerListener.OnLost(VideoJob job, ShortApiException error)
        {
            error.Target ??= job.JobId;
            Report(WaitEventKind.Failed, job, error);
        }

        void IPollerListener.OnFatal(ShortApiException error) => OnFatal(error);

        void IPollerListener.OnWarning(string message) => Warn(message);

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
            var journalOfJob = _options.Journal ?? job.Journal;
            if (journal && journalOfJob != null)
            {
                TryJournal(() => journalOfJob.RecordFinal(job));
            }

            if (job.Status == JobStatus.Succeeded && _options.DownloadDirectory != null)
            {
                _events.BeginWork();
                _ = DownloadAsync(job, journalOfJob);
                return;
            }

            Report(WaitEventKind.Ended, job, FailureOf(job));
        }

        /// <summary>For a job that ended in failure, the error to report beside it.</summary>
        private static ShortApiException? FailureOf(VideoJob job)
        {
            if (job.Status != JobStatus.Failed)
            {
                return null;
            }

            string reason = (job.Error ?? "no reason given").TrimEnd('.') + ".";
            string refund = job.Refunded ? " Its charge was refunded." : string.Empty;
            return new ShortApiException(ShortApiErrorReason.JobFailed, $"Job {JobIds.Shown(job.JobId)}{Named(job)} failed: {reason}{refund}") { Target = job.JobId };
        }

        private async Task DownloadAsync(VideoJob job, JobJournal? journal)
        {
            try
            {
                var files = await DownloadWithinDeadlineAsync(job).ConfigureAwait(false);
                if (journal != null)
                {
                    TryJournal(() => journal.RecordSaved(job, files.Select(f => f.Path).ToList()));
                }

                Report(WaitEventKind.Ended, job, files: files);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // Stopped: nothing half-written remains (the downloader removes its temporary file).
            }
            catch (Exception ex)
            {
                var error = ex as ShortApiException
                    ?? new ShortApiException(ShortApiErrorReason.DownloadFailed, $"Downloading the output of job {JobIds.Shown(job.JobId)}{Named(job)} failed unexpectedly: {_text.Clean(ex.Message)}");
                error.Target ??= job.JobId;
                Report(WaitEventKind.Ended, job, error);
            }
            finally
            {
                _events.EndWork();
            }
        }

        private async Task<IReadOnlyList<DownloadedFile>> DownloadWithinDeadlineAsync(VideoJob job)
        {
            try
            {
                using var either = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _deadline.Token);
                await _downloadSlots.WaitAsync(either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
            {
                throw new ShortApiException(ShortApiErrorReason.Timeout, $"Job {JobIds.Shown(job.JobId)}{Named(job)} succeeded, but the wait's time ran out before its download could start; download its output later (it stays available for a while).") { Target = job.JobId };
            }

            try
            {
                return await _downloader.DownloadAsync(job, _options.DownloadDirectory!, _options.Overwrite, _deadline.Token, _stop.Token).ConfigureAwait(false);
            }
            finally
            {
                _downloadSlots.Release();
            }
        }

        /// <summary>The only way a job leaves the wait: counted once, reported once.</summary>
        private void Report(WaitEventKind kind, VideoJob job, ShortApiException? error = null, IReadOnlyList<DownloadedFile>? files = null)
        {
            lock (_unreported)
            {
                if (!_unreported.Remove(job.JobId))
                {
                    return;
                }
            }

            if (kind == WaitEventKind.TimedOut)
            {
                Interlocked.Increment(ref _timedOut);
            }
            else if (kind == WaitEventKind.Ended && job.Status == JobStatus.Succeeded && error == null)
            {
                Interlocked.Increment(ref _succeeded);
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }

            _events.Add(new WaitEvent(kind, job, error, files));
        }

        /// <summary>When polling ends, a job neither reported nor still downloading would vanish: report it instead.</summary>
        private void ReportForgotten()
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            List<VideoJob> forgotten;
            lock (_unreported)
            {
                forgotten = _unreported.Values.Where(j => !(j.Status == JobStatus.Succeeded && _options.DownloadDirectory != null)).ToList();
            }

            foreach (var job in forgotten)
            {
                Report(WaitEventKind.Failed, job, new ShortApiException(
                    ShortApiErrorReason.UnexpectedResponse,
                    $"Job {JobIds.Shown(job.JobId)}{Named(job)} stopped being followed while {job.Status}, without an answer that ends it. Ask about it again with Get-ShortApiJob {JobIds.Shown(job.JobId)}.")
                { Target = job.JobId });
            }
        }

        private void Warn(string message) => _events.Add(new WaitEvent(WaitEventKind.Warning, null, message: message));

        private void TryJournal(Action write)
        {
            try
            {
                write();
            }
            catch (ShortApiException ex)
            {
                Warn(ex.Message);
            }
        }

        private static string Named(VideoJob job) => job.SourceName.Length > 0 ? $" ({job.SourceName})" : string.Empty;
    }
}
