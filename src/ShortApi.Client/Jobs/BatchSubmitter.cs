using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Journal;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Keeps up to <see cref="ThrottleLimit"/> creates in flight and hands back each result as it
    /// lands, in completion order. The caller feeds it from its own thread (a pipeline), taking
    /// results whenever it likes; one failed input is one failed result, the rest go on.
    /// </summary>
    public sealed class BatchSubmitter : IDisposable
    {
        public const int MaxThrottleLimit = 64;

        private readonly BlockingCollection<SubmissionResult> _results = new BlockingCollection<SubmissionResult>();
        private readonly JobSubmitter _submitter;
        private readonly JobJournal? _journal;
        private readonly bool _force;
        private readonly CancellationTokenSource _stop;
        private readonly object _gate = new object();
        private int _inFlight;
        private int _peakInFlight;
        private bool _addingCompleted;
        private int _disposed;

        internal BatchSubmitter(JobSubmitter submitter, int throttleLimit, JobJournal? journal, bool force, CancellationToken cancellationToken)
        {
            if (throttleLimit < 1 || throttleLimit > MaxThrottleLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), $"The throttle limit must be from 1 to {MaxThrottleLimit}.");
            }

            _submitter = submitter;
            ThrottleLimit = throttleLimit;
            _journal = journal;
            _force = force;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        public int ThrottleLimit { get; }

        public int InFlight { get { lock (_gate) { return _inFlight; } } }

        /// <summary>The most creates that were in flight at once.</summary>
        public int PeakInFlight { get { lock (_gate) { return _peakInFlight; } } }

        public bool HasFreeSlot => InFlight < ThrottleLimit;

        /// <summary>Sends <paramref name="job"/> now. The caller must first make room (take results) when there is no free slot.</summary>
        public void Start(PreparedJob job, object? tag = null)
        {
            lock (_gate)
            {
                if (_addingCompleted)
                {
                    throw new InvalidOperationException("The batch was already closed.");
                }

                if (_inFlight >= ThrottleLimit)
                {
                    throw new InvalidOperationException("No free slot: take a result before starting another job.");
                }

                _inFlight++;
                _peakInFlight = Math.Max(_peakInFlight, _inFlight);
            }

            // Off the caller's thread at once: reading and encoding the image overlaps other requests.
            _ = Task.Run(() => RunAsync(job, tag));
        }

        /// <summary>Takes a finished result, waiting up to <paramref name="timeout"/>. False when none came, or all are taken.</summary>
        public bool TryTake(out SubmissionResult result, TimeSpan timeout, CancellationToken cancellationToken)
        {
            try
            {
                return _results.TryTake(out result!, (int)Math.Min(int.MaxValue, Math.Max(0, timeout.TotalMilliseconds)), cancellationToken);
            }
            catch (InvalidOperationException)
            {
                result = null!;
                return false;
            }
        }

        /// <summary>No more jobs: the results end once those in flight have landed.</summary>
        public void CompleteAdding()
        {
            lock (_gate)
            {
                _addingCompleted = true;
                if (_inFlight == 0)
                {
                    _results.CompleteAdding();
                }
            }
        }

        public bool IsCompleted => _results.IsCompleted;

        /// <summary>Every remaining result as it lands, until the batch is closed and drained.</summary>
        public IEnumerable<SubmissionResult> Results(CancellationToken cancellationToken) => _results.GetConsumingEnumerable(cancellationToken);

        /// <summary>
        /// Cancels every create in flight. Safe to call more than once. The token source is only
        /// cancelled, not disposed: creates still unwinding may look at their token.
        /// </summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _stop.Cancel();
            }
        }

        private async Task RunAsync(PreparedJob job, object? tag)
        {
            SubmissionResult result;
            try
            {
                var created = await _submitter.SubmitAsync(job, _journal, _force, _stop.Token).ConfigureAwait(false);
                result = new SubmissionResult(job, created, null, tag);
            }
            catch (ShortApiException ex)
            {
                ex.Target ??= tag ?? job.Source;
                result = new SubmissionResult(job, null, ex, tag);
            }
            catch (OperationCanceledException)
            {
                result = new SubmissionResult(job, null, new ShortApiException(ShortApiErrorReason.CreateOutcomeUnknown, $"Stopped while the create for '{job.Source}' was in flight; it may have been created.") { Target = tag ?? job.Source }, tag);
            }
            catch (Exception ex)
            {
                result = new SubmissionResult(job, null, new ShortApiException(ShortApiErrorReason.ApiError, $"Submitting '{job.Source}' failed: {ex.Message}", ex) { Target = tag ?? job.Source }, tag);
            }

            lock (_gate)
            {
                _inFlight--;
                _results.Add(result);
                if (_addingCompleted && _inFlight == 0)
                {
                    _results.CompleteAdding();
                }
            }
        }
    }
}
