using System;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Failures;
using ShortApi.Journal;
using ShortApi.Pricing;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Keeps creates in flight and hands back each result as it lands, in completion order,
    /// through <see cref="Results"/>. How many are in flight adapts (<see cref="CurrentLimit"/>):
    /// a few at first, more while the service answers calmly, half as many after a 429 or 503;
    /// never more than <see cref="ThrottleLimit"/>, the caller's ceiling. One failed input is one failed
    /// result and the rest go on, except a failure that would fail every input alike (a refused
    /// key, an empty balance): that stops the batch; the creates in flight that have not gone out
    /// in full are called back, and those that have are left to land, so none is lost.
    /// A budget, when given, counts each job started and gets back what a refused create did not spend.
    /// </summary>
    public sealed class BatchSubmitter : IDisposable
    {
        public const int MaxThrottleLimit = 64;

        private readonly ResultQueue<SubmissionResult> _results = new ResultQueue<SubmissionResult>();
        private readonly JobSubmitter _submitter;
        private readonly CreateThrottle _throttle;
        private readonly JobJournal? _journal;
        private readonly bool _force;
        private readonly CostBudget? _budget;
        private readonly CancellationTokenSource _stop;
        private readonly CancellationTokenSource _stopUnsent = new CancellationTokenSource();
        private readonly object _gate = new object();
        private int _inFlight;
        private int _peakInFlight;
        private ShortApiException? _stoppedBy;
        private int _disposed;

        /// <summary>A batch held to <paramref name="throttleLimit"/> creates in flight at most (null: <see cref="DefaultThrottleLimit"/>), within the endpoint's adaptive <paramref name="throttle"/>.</summary>
        internal BatchSubmitter(JobSubmitter submitter, CreateThrottle throttle, int? throttleLimit, JobJournal? journal, bool force, CostBudget? budget, CancellationToken cancellationToken)
        {
            if (throttleLimit < 1 || throttleLimit > MaxThrottleLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(throttleLimit), $"The throttle limit must be from 1 to {MaxThrottleLimit}.");
            }

            _submitter = submitter;
            _throttle = throttle;
            ThrottleLimit = throttleLimit ?? DefaultThrottleLimit;
            IsThrottleLimitExplicit = throttleLimit.HasValue;
            _journal = journal;
            _force = force;
            _budget = budget;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>The ceiling when the caller sets none.</summary>
        public static int DefaultThrottleLimit => CreateThrottle.DefaultCeiling;

        /// <summary>The ceiling: never more creates than this in flight at once.</summary>
        public int ThrottleLimit { get; }

        /// <summary>True when the ceiling was set by the caller rather than defaulted.</summary>
        public bool IsThrottleLimitExplicit { get; }

        /// <summary>How many creates may be in flight now: the endpoint's adaptive window, within the ceiling.</summary>
        public int CurrentLimit => Math.Min(ThrottleLimit, _throttle.Window);

        /// <summary>Each submission's outcome, as it lands.</summary>
        public ResultQueue<SubmissionResult> Results => _results;

        public int InFlight { get { lock (_gate) { return _inFlight; } } }

        /// <summary>The most creates that were in flight at once.</summary>
        public int PeakInFlight { get { lock (_gate) { return _peakInFlight; } } }

        /// <summary>True when another create may start now (none may while a Retry-After holds them back).</summary>
        public bool HasFreeSlot => InFlight < CurrentLimit && !_throttle.IsPaused;

        /// <summary>The failure that stopped the batch, if one did; nothing more can be started then.</summary>
        public ShortApiException? StoppedBy { get { lock (_gate) { return _stoppedBy; } } }

        /// <summary>
        /// Sends <paramref name="job"/> now; false when the batch has stopped (see <see cref="StoppedBy"/>)
        /// and it was not sent. The caller must first make room (take results) when there is no free slot.
        /// </summary>
        public bool Start(PreparedJob job)
        {
            lock (_gate)
            {
                if (_stoppedBy != null)
                {
                    return false;
                }

                // The ceiling is enforced here; the adaptive window, which may shrink between a
                // caller's look at HasFreeSlot and this call, is the caller's to respect.
                if (_inFlight >= ThrottleLimit)
                {
                    throw new InvalidOperationException("No free slot: take a result before starting another job.");
                }

                _inFlight++;
                _peakInFlight = Math.Max(_peakInFlight, _inFlight);
            }

            _budget?.Commit(job);
            _results.BeginWork();

            // Off the caller's thread at once: reading and encoding the image overlaps other requests.
            _ = Task.Run(() => RunAsync(job));
            return true;
        }

        /// <summary>No more jobs: the results end once those in flight have landed.</summary>
        public void CompleteAdding() => _results.CompleteAdding();

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

        private async Task RunAsync(PreparedJob job)
        {
            SubmissionResult result;
            bool landed = false;
            try
            {
                var created = await _submitter.SubmitAsync(job, _journal, _force, _stop.Token, _stopUnsent.Token).ConfigureAwait(false);
                result = new SubmissionResult(job, created, null);
                landed = true;
            }
            catch (ShortApiException ex)
            {
                ex.Target ??= job.DisplaySource;
                result = new SubmissionResult(job, null, ex);
                Settle(job, ex);
            }
            catch (OperationCanceledException)
            {
                // Called back before the request went out in full: nothing was created or spent.
                _budget?.Release(job);
                var reason = StoppedBy?.Reason ?? ShortApiErrorReason.ApiError;
                string why = StoppedBy != null ? "the batch stopped: " + StoppedBy.Message : "the batch was stopped";
                result = new SubmissionResult(job, null, new ShortApiException(reason, $"'{job.DisplaySource}' was not sent, because {why}") { Target = job.DisplaySource });
            }
            catch (Exception ex)
            {
                // A defect, not a service answer: still reported against its input, never lost.
                result = new SubmissionResult(job, null, new ShortApiException(ShortApiErrorReason.ApiError, $"Submitting '{job.DisplaySource}' failed unexpectedly: {_submitter.Text.Clean(ex.Message)}") { Target = job.DisplaySource });
            }

            bool heldBack;
            lock (_gate)
            {
                heldBack = _inFlight >= CurrentLimit;
                _inFlight--;
            }

            if (landed && heldBack)
            {
                // A create landed while the window held this batch back: the service coped, so widen it.
                _throttle.Grow(ThrottleLimit);
            }

            _results.Add(result);
            _results.EndWork();
        }

        /// <summary>After a failed create: gives back an unspent budget, and stops the batch when every input would fail alike.</summary>
        private void Settle(PreparedJob job, ShortApiException failure)
        {
            if (failure is CreateOutcomeUnknownException)
            {
                return; // it may have been charged: the budget keeps counting it
            }

            _budget?.Release(job);
            if (FailurePolicy.Judge(ApiOperation.Create, failure) == FailureVerdict.StopEverything)
            {
                lock (_gate)
                {
                    _stoppedBy ??= failure;
                }

                // Creates not yet sent in full are called back; those sent land and are reported, paid or not.
                _stopUnsent.Cancel();
            }
        }
    }
}
