using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Errors;
using ShortApi.Jobs;

namespace ShortApi.Pricing
{
    /// <summary>
    /// A spending limit for a batch. Each job's estimate is checked before it is sent; the job that
    /// would pass the limit is refused, and so is one whose price cannot be known beforehand,
    /// since the limit could not be kept. Thread-safe.
    /// </summary>
    public sealed class CostBudget
    {
        private readonly object _gate = new object();
        private decimal _committed;
        private int _jobs;
        private ShortApiException? _reached;
        private int _notAdmitted;

        public CostBudget(decimal limit)
        {
            if (limit < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), "A budget cannot be negative.");
            }

            Limit = limit;
        }

        public decimal Limit { get; }

        /// <summary>The estimated cost of the jobs counted so far.</summary>
        public decimal Committed { get { lock (_gate) { return _committed; } } }

        public int Jobs { get { lock (_gate) { return _jobs; } } }

        /// <summary>Throws BudgetExceeded when <paramref name="job"/> would pass the limit or cannot be priced.</summary>
        public void EnsureFits(PreparedJob job)
        {
            lock (_gate)
            {
                if (!job.Estimate.Amount.HasValue)
                {
                    throw new ShortApiException(
                        ShortApiErrorReason.BudgetExceeded,
                        $"Stopped before '{job.DisplaySource}': its price cannot be known before it runs ({job.Estimate.Basis}), so the budget of {CostEstimate.FormatAmount(Limit)} {job.Estimate.Currency} cannot be kept. Run without a budget to submit it.")
                    { Target = job.DisplaySource };
                }

                if (_committed + job.Estimate.Amount.Value > Limit)
                {
                    throw new ShortApiException(
                        ShortApiErrorReason.BudgetExceeded,
                        $"Stopped before '{job.DisplaySource}': its estimated {CostEstimate.FormatAmount(job.Estimate.Amount.Value)} {job.Estimate.Currency} would take the batch past the budget of {CostEstimate.FormatAmount(Limit)} {job.Estimate.Currency}.")
                    { Target = job.DisplaySource };
                }
            }
        }

        /// <summary>
        /// True when <paramref name="job"/> may go on. Once a job would pass the limit (or cannot be
        /// priced), it and every later one are refused and counted, for <see cref="StopReport"/>.
        /// </summary>
        public bool TryAdmit(PreparedJob job)
        {
            lock (_gate)
            {
                if (_reached == null)
                {
                    try
                    {
                        EnsureFits(job);
                        return true;
                    }
                    catch (ShortApiException ex)
                    {
                        _reached = ex;
                    }
                }

                _notAdmitted++;
                return false;
            }
        }

        /// <summary>
        /// Once the limit was reached, the one error that says where submitting stopped: how many
        /// jobs went, for how much, their ids, and the first input not submitted. Null otherwise.
        /// </summary>
        public ShortApiException? StopReport(IReadOnlyList<string> submittedIds)
        {
            lock (_gate)
            {
                if (_reached == null)
                {
                    return null;
                }

                string ids = submittedIds.Count == 0 ? string.Empty : " (" + string.Join(", ", submittedIds.Take(20)) + (submittedIds.Count > 20 ? $" and {submittedIds.Count - 20} more" : string.Empty) + ")";
                string verb = submittedIds.Count == 0 && _jobs > 0 ? "would have been" : "were";
                return new ShortApiException(
                    ShortApiErrorReason.BudgetExceeded,
                    $"{_reached.Message.TrimEnd('.')}. Submitting stopped there: {_jobs} job(s) {verb} submitted this run, for an estimated {CostEstimate.FormatAmount(_committed)} USD{ids}; {_notAdmitted} input(s) were not submitted, starting with '{_reached.Target}'.",
                    _reached)
                {
                    Target = _reached.Target,
                };
            }
        }

        /// <summary>Counts a job that is being submitted.</summary>
        public void Commit(PreparedJob job)
        {
            lock (_gate)
            {
                _committed += job.Estimate.Amount ?? 0;
                _jobs++;
            }
        }

        /// <summary>Takes a job back out (its create was refused, so nothing was spent).</summary>
        public void Release(PreparedJob job)
        {
            lock (_gate)
            {
                _committed -= job.Estimate.Amount ?? 0;
                _jobs--;
            }
        }
    }
}
