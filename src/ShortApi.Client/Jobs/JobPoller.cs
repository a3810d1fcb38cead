using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Failures;
using ShortApi.Timing;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Polls many jobs from one loop: each job is queued by the time its next query is due (its
    /// cadence following <see cref="PollSchedule"/>), queries go out under the shared
    /// <see cref="RequestBudget"/> with a cap on how many are in flight, and each result either
    /// ends the job or queues it again. A failed query is judged by <see cref="FailurePolicy"/>:
    /// passing trouble is asked again on the job's next turn, a job the service does not know is
    /// dropped and reported, and a refused key or an exhausted quota stops the whole wait.
    /// </summary>
    internal sealed class JobPoller
    {
        private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

        /// <summary>How many unreadable answers in a row end the following of a job.</summary>
        private const int UnknownAnswersBeforeGivingUp = 5;

        /// <summary>How many turns in a row a job may fail to be asked about (each after the transport's own retries) before it is given up.</summary>
        private const int FailedTurnsBeforeGivingUp = 10;

        private readonly object _gate = new object();
        private readonly DueQueue<VideoJob> _queue = new DueQueue<VideoJob>();
        private readonly Dictionary<string, VideoJob> _active = new Dictionary<string, VideoJob>(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> _firstSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _queriesPerJob = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _unknownAnswers = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _failedTurns = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0, int.MaxValue);
        private readonly SemaphoreSlim _slots;
        private readonly Func<string, CancellationToken, Task<Jobs.JobState>> _query;
        private readonly RequestBudget _budget;
        private readonly PollSchedule _schedule;
        private readonly IClock _clock;
        private readonly IPollerListener _listener;
        private bool _addingCompleted;
        private int _inFlight;
        private long _queries;

        public JobPoller(
            Func<string, CancellationToken, Task<JobState>> query,
            RequestBudget budget,
            PollSchedule schedule,
            IClock clock,
            int maxConcurrentQueries,
            IPollerListener listener)
        {
            _query = query;
            _budget = budget;
            _schedule = schedule;
            _clock = clock;
            _listener = listener;
            _slots = new SemaphoreSlim(Math.Max(1, maxConcurrentQueries));
        }

        public long Queries => Interlocked.Read(ref _queries);

        /// <summary>Queries sent per job id, for measuring the cadence.</summary>
        public IReadOnlyDictionary<string, int> QueriesPerJob
        {
            get { lock (_gate) { return new Dictionary<string, int>(_queriesPerJob); } }
        }

        /// <summary>Starts following a job; a job already followed is ignored. Returns false for a duplicate.</summary>
        public bool Add(VideoJob job)
        {
            lock (_gate)
            {
                if (_active.ContainsKey(job.JobId))
                {
                    return false;
                }

                var now = _clock.UtcNow;
                _active[job.JobId] = job;
                _firstSeen[job.JobId] = now;
                // A fresh job is first asked about after the schedule's first gap; one submitted long ago, at once.
                var due = job.SubmittedAt.HasValue ? job.SubmittedAt.Value + _schedule.NextDelay(TimeSpan.Zero) : now;
                _queue.Enqueue(job, due > now ? due : now);
            }

            _signal.Release();
            return true;
        }

        public void CompleteAdding()
        {
            lock (_gate)
            {
                _addingCompleted = true;
            }

            _signal.Release();
        }

        /// <summary>The jobs not ended yet.</summary>
        public List<VideoJob> Remaining()
        {
            lock (_gate)
            {
                return new List<VideoJob>(_active.Values);
            }
        }

        /// <summary>Runs until every job has ended and no more will be added, or until cancelled.</summary>
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var inFlight = new List<Task>();
            try
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    VideoJob? next = null;
                    TimeSpan? sleep = null;
                    lock (_gate)
                    {
                        if (_queue.Count == 0)
                        {
                            if (_addingCompleted && _inFlight == 0)
                            {
                                return;
                            }
                        }
                        else
                        {
                            _queue.TryPeek(out var due, out _);
                            var now = _clock.UtcNow;
                            if (due <= now)
                            {
                                next = _queue.Dequeue();
                                _inFlight++;
                            }
                            else
                            {
                                sleep = due - now;
                            }
                        }
                    }

                    if (next == null)
                    {
                        var realSleep = sleep.HasValue ? _clock.ToRealTime(sleep.Value) : LongestSleep;
                        await _signal.WaitAsync(realSleep < LongestSleep ? realSleep : LongestSleep, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    try
                    {
                        await _budget.WaitAsync(cancellationToken).ConfigureAwait(false);
                        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch
                    {
                        lock (_gate)
                        {
                            _inFlight--;
                        }

                        throw;
                    }

                    inFlight.RemoveAll(t => t.IsCompleted);
                    inFlight.Add(QueryOneAsync(next, cancellationToken));
                }
            }
            finally
            {
                // Let queries already sent land before reporting, so no job is reported twice.
                try
                {
                    await Task.WhenAll(inFlight).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        private async Task QueryOneAsync(VideoJob job, CancellationToken cancellationToken)
        {
            try
            {
                var state = await _query(job.JobId, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _queries);
                job.Apply(state);
                bool puzzling;
                lock (_gate)
                {
                    _queriesPerJob.TryGetValue(job.JobId, out int count);
                    _queriesPerJob[job.JobId] = count + 1;
                    _failedTurns.Remove(job.JobId);
                    _unknownAnswers.TryGetValue(job.JobId, out int unknown);
                    unknown = state.Status == JobStatus.Unknown ? unknown + 1 : 0;
                    _unknownAnswers[job.JobId] = unknown;
                    puzzling = unknown >= UnknownAnswersBeforeGivingUp;
                    if (job.IsFinal || puzzling)
                    {
                        _active.Remove(job.JobId);
                    }
                    else
                    {
                        Reschedule(job);
                    }
                }

                if (job.IsFinal)
                {
                    _listener.OnEnded(job);
                }
                else if (puzzling)
                {
                    // An answer this client cannot read, again and again, never ends on its own: say so instead of asking forever.
                    _listener.OnLost(job, new ShortApiException(
                        ShortApiErrorReason.UnexpectedResponse,
                        $"Job {JobIds.Shown(job.JobId)}: the service answered {UnknownAnswersBeforeGivingUp} times in a row with a state this client does not understand ({job.Error ?? "no status"}); it is no longer asked about. Check it later with Get-ShortApiJob.")
                    { Target = job.JobId });
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: the job stays in the remaining set.
            }
            catch (Exception ex)
            {
                var failure = ex as ShortApiException
                    ?? new ShortApiException(ShortApiErrorReason.ApiError, $"Asking about job {JobIds.Shown(job.JobId)} failed unexpectedly ({ex.GetType().Name}).");
                switch (FailurePolicy.Judge(ApiOperation.Query, failure))
                {
                    case FailureVerdict.StopEverything:
                        _listener.OnFatal(failure);
                        break;
                    case FailureVerdict.Retry:
                        int failures;
                        lock (_gate)
                        {
                            _failedTurns.TryGetValue(job.JobId, out failures);
                            _failedTurns[job.JobId] = ++failures;
                            if (failures < FailedTurnsBeforeGivingUp)
                            {
                                Reschedule(job);
                            }
                            else
                            {
                                _active.Remove(job.JobId);
                            }
                        }

                        if (failures < FailedTurnsBeforeGivingUp)
                        {
                            _listener.OnWarning($"Job {JobIds.Shown(job.JobId)}: {failure.Message} It will be asked about again.");
                        }
                        else
                        {
                            // A service that never answers must not hold a wait without -Timeout forever.
                            _listener.OnLost(job, new ShortApiException(failure.Reason, $"Job {JobIds.Shown(job.JobId)} could not be asked about on {failures} turns in a row, each with its retries; it is no longer followed. The last failure: {failure.Message}", failure) { Target = job.JobId });
                        }

                        break;
                    default:
                        lock (_gate)
                        {
                            _active.Remove(job.JobId);
                        }

                        _listener.OnLost(job, failure);
                        break;
                }
            }
            finally
            {
                _slots.Release();
                lock (_gate)
                {
                    _inFlight--;
                }

                _signal.Release();
            }
        }

        private void Reschedule(VideoJob job)
        {
            var now = _clock.UtcNow;
            var started = job.SubmittedAt ?? _firstSeen[job.JobId];
            _queue.Enqueue(job, now + _schedule.NextDelay(now - started));
        }
    }
}
