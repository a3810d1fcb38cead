using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Failures;
using ShortApi.Jobs.Lengths;
using ShortApi.Jobs.Polling;
using ShortApi.Timing;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Polls many jobs from one loop: each job is queued by the time its next query is due (as
    /// <see cref="PollPlanner"/> decides, from what <see cref="JobLengths"/> knows of jobs of its
    /// kind), queries go out under the shared <see cref="RequestBudget"/> with a cap on how many
    /// are in flight, and each result either ends the job or queues it again. Each job that ends
    /// teaches the lengths; when that makes the jobs of a kind due sooner, they are planned again.
    /// A failed query is judged by <see cref="FailurePolicy"/>: passing trouble is asked again on
    /// the job's next turn, a job the service does not know is dropped and reported, and a refused
    /// key or an exhausted quota stops the whole wait.
    /// </summary>
    internal sealed class JobPoller
    {
        private static readonly TimeSpan LongestSleep = TimeSpan.FromMinutes(1);

        /// <summary>A job added this soon after its submission was followed from the start: its end seen is a fair length.</summary>
        private static readonly TimeSpan FreshAdd = TimeSpan.FromSeconds(2);

        /// <summary>When a kind's aim drops this much below what its waiting jobs were planned with, they are planned again.</summary>
        private const double ReplanDrop = 0.1;

        /// <summary>How many unreadable answers in a row end the following of a job.</summary>
        private const int UnknownAnswersBeforeGivingUp = 5;

        /// <summary>How many turns in a row a job may fail to be asked about (each after the transport's own retries) before it is given up.</summary>
        private const int FailedTurnsBeforeGivingUp = 10;

        private readonly object _gate = new object();
        private readonly DueQueue<(FollowedJob Job, int Ticket)> _queue = new DueQueue<(FollowedJob, int)>();
        private readonly Dictionary<string, FollowedJob> _active = new Dictionary<string, FollowedJob>(StringComparer.Ordinal);
        private readonly Dictionary<string, ScoutGroup> _groups = new Dictionary<string, ScoutGroup>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _queriesPerJob = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0, int.MaxValue);
        private readonly SemaphoreSlim _slots;
        private readonly Func<string, CancellationToken, Task<JobState>> _query;
        private readonly RequestBudget _budget;
        private readonly PollPlanner _planner;
        private readonly JobLengths _lengths;
        private readonly IClock _clock;
        private readonly IPollerListener _listener;
        private bool _addingCompleted;
        private int _inFlight;
        private long _queries;

        public JobPoller(
            Func<string, CancellationToken, Task<JobState>> query,
            RequestBudget budget,
            PollSchedule schedule,
            JobLengths lengths,
            IClock clock,
            int maxConcurrentQueries,
            IPollerListener listener)
        {
            _query = query;
            _budget = budget;
            _planner = new PollPlanner(schedule);
            _lengths = lengths;
            _clock = clock;
            _listener = listener;
            _slots = new SemaphoreSlim(Math.Max(1, maxConcurrentQueries));
        }

        public long Queries => Interlocked.Read(ref _queries);

        /// <summary>False when the wait has a fixed poll interval: then lengths are neither learned nor used.</summary>
        public bool Learns => _planner.Learns;

        /// <summary>Queries sent per job id, for measuring the cadence.</summary>
        public IReadOnlyDictionary<string, int> QueriesPerJob
        {
            get { lock (_gate) { return new Dictionary<string, int>(_queriesPerJob); } }
        }

        /// <summary>
        /// Starts following a job of kind <paramref name="key"/> (null: plan it by the age-based
        /// schedule alone); a job already followed is ignored. Returns false for a duplicate.
        /// </summary>
        public bool Add(VideoJob job, string? key)
        {
            lock (_gate)
            {
                if (_active.ContainsKey(job.JobId))
                {
                    return false;
                }

                var now = _clock.UtcNow;
                bool knownStart = job.SubmittedAt.HasValue;
                var followed = new FollowedJob(
                    job,
                    knownStart && _planner.Learns ? key : null,
                    job.SubmittedAt ?? now,
                    knownStart,
                    knownStart && now - job.SubmittedAt!.Value <= FreshAdd);
                _active[job.JobId] = followed;
                if (followed.Key != null)
                {
                    var guess = _lengths.Guess(followed.Key);
                    var group = GroupOf(followed.Key, guess);
                    group.Join(followed, guess);
                }

                Schedule(followed, _clock.UtcNow);
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
                var jobs = new List<VideoJob>(_active.Count);
                foreach (var followed in _active.Values)
                {
                    jobs.Add(followed.Job);
                }

                return jobs;
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
                    FollowedJob? next = null;
                    TimeSpan? sleep = null;
                    lock (_gate)
                    {
                        // Stale entries may remain queued after every job has ended: the jobs, not the queue, say when it is over.
                        if (!TakeDue(out next, out sleep) && _addingCompleted && _inFlight == 0 && _active.Count == 0)
                        {
                            return;
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
                            next.InFlight = false;
                            _inFlight--;
                        }

                        throw;
                    }

                    lock (_gate)
                    {
                        PollPlanner.NoteSent(next, GuessFor(next), _clock.UtcNow);
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

        /// <summary>
        /// The next job due now, marked in flight; else how long until one is due. Stale entries
        /// (a job planned again since) are dropped, and a job whose kind's aim has grown waits for
        /// it instead of asking early. Call under the lock.
        /// </summary>
        private bool TakeDue(out FollowedJob? next, out TimeSpan? sleep)
        {
            next = null;
            sleep = null;
            var now = _clock.UtcNow;
            while (_queue.TryPeek(out var due, out var entry))
            {
                if (due > now)
                {
                    sleep = due - now;
                    return false;
                }

                _queue.Dequeue();
                var job = entry.Job;
                if (entry.Ticket != job.Ticket || job.InFlight || !_active.ContainsKey(job.Job.JobId))
                {
                    continue;
                }

                var later = PollPlanner.Deferral(job, GuessFor(job), now);
                if (later.HasValue)
                {
                    Enqueue(job, later.Value);
                    continue;
                }

                job.InFlight = true;
                _inFlight++;
                next = job;
                return true;
            }

            return false;
        }

        private async Task QueryOneAsync(FollowedJob followed, CancellationToken cancellationToken)
        {
            var job = followed.Job;
            try
            {
                var state = await _query(job.JobId, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _queries);
                job.Apply(state);
                bool puzzling;
                lock (_gate)
                {
                    followed.InFlight = false;
                    _queriesPerJob.TryGetValue(job.JobId, out int count);
                    _queriesPerJob[job.JobId] = count + 1;
                    followed.FailedTurns = 0;
                    followed.UnknownAnswers = state.Status == JobStatus.Unknown ? followed.UnknownAnswers + 1 : 0;
                    puzzling = followed.UnknownAnswers >= UnknownAnswersBeforeGivingUp;
                    if (job.IsFinal || puzzling)
                    {
                        Finish(followed, job.IsFinal ? state : null);
                    }
                    else
                    {
                        followed.LastSeenRunning = followed.AgeAt(followed.SentAt);
                        if (followed.AimQueryInFlight)
                        {
                            followed.RunningAtAim = true;
                        }

                        HandOffScouting(followed, _clock.UtcNow);
                        Schedule(followed, _clock.UtcNow);
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
                            followed.InFlight = false;
                            followed.AimQueryInFlight = false;
                            failures = ++followed.FailedTurns;
                            if (failures < FailedTurnsBeforeGivingUp)
                            {
                                Schedule(followed, _clock.UtcNow);
                            }
                            else
                            {
                                Finish(followed, null);
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
                            followed.InFlight = false;
                            Finish(followed, null);
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

        /// <summary>The job leaves the wait; a success followed from the start teaches its kind's length. Call under the lock.</summary>
        private void Finish(FollowedJob followed, JobState? final)
        {
            _active.Remove(followed.Job.JobId);
            if (followed.Key == null || !_groups.TryGetValue(followed.Key, out var group))
            {
                return;
            }

            var now = _clock.UtcNow;
            if (final != null && final.Status == JobStatus.Succeeded && (followed.AddedFresh || followed.LastSeenRunning.HasValue))
            {
                var seenEnded = followed.AgeAt(now);
                var lastRunning = _lengths.Guess(followed.Key).IsLearned ? followed.LastSeenRunning : group.FirstLowerBound(followed.LastSeenRunning, seenEnded);
                _lengths.Observe(followed.Key, new LengthObservation(
                    lastRunning,
                    seenEnded,
                    followed.AimQueryInFlight ? false : followed.RunningAtAim,
                    now));
            }

            var guess = _lengths.Guess(followed.Key);
            var promoted = group.Leave(followed, guess);
            if (group.Count == 0)
            {
                _groups.Remove(followed.Key);
                return;
            }

            foreach (var scout in promoted)
            {
                if (!scout.InFlight)
                {
                    Schedule(scout, now);
                }
            }

            ReplanIfSooner(group, guess, now);
        }

        /// <summary>
        /// When a kind's length was just learned, or its aim fell well below what its waiting jobs
        /// were planned with, plans them again (their old queue entries go stale). Call under the lock.
        /// </summary>
        private void ReplanIfSooner(ScoutGroup group, LengthGuess guess, DateTimeOffset now)
        {
            bool learned = guess.IsLearned && !group.PlannedLearned;
            bool sooner = guess.Aim.HasValue && (!group.PlannedAim.HasValue || guess.Aim.Value < Scale(group.PlannedAim.Value, 1 - ReplanDrop));
            if (!learned && !sooner)
            {
                // A grown aim needs no re-planning: jobs due too early wait for it when their turn comes.
                if (guess.Aim > group.PlannedAim)
                {
                    group.PlannedAim = guess.Aim;
                }

                return;
            }

            group.PlannedAim = guess.Aim;
            group.PlannedLearned = guess.IsLearned;
            foreach (var member in group.Members)
            {
                if (!member.InFlight && !member.AskedAtAim)
                {
                    Schedule(member, now);
                }
            }
        }

        private void Schedule(FollowedJob followed, DateTimeOffset now)
        {
            var guess = GuessFor(followed);
            Enqueue(followed, _planner.Next(followed, guess, OthersWait(followed, guess, out _), now));
        }

        /// <summary>
        /// A scout found still running, while many jobs wait on it, passes its role to a job
        /// started about as early that has been asked less (or steps down if another scout
        /// remains), so one stream of queries serves the kind and no one job carries it. Call under the lock.
        /// </summary>
        private void HandOffScouting(FollowedJob scout, DateTimeOffset now)
        {
            if (!scout.IsScout || !OthersWait(scout, GuessFor(scout), out var group))
            {
                return;
            }

            group!.NoteScoutRunning(scout.LastSeenRunning!.Value);
            var successor = group.HandOff(scout, PollPlanner.HandOffWindow(scout.AgeAt(now)));
            if (successor != null)
            {
                Enqueue(successor, PollPlanner.AfterHandOff(successor, now));
            }
        }

        private bool OthersWait(FollowedJob followed, LengthGuess guess, out ScoutGroup? group)
        {
            group = null;
            return followed.Key != null && _groups.TryGetValue(followed.Key, out group) && group.AsksClosely(guess);
        }

        private void Enqueue(FollowedJob followed, DateTimeOffset due)
        {
            followed.Ticket++;
            _queue.Enqueue((followed, followed.Ticket), due);
        }

        private LengthGuess GuessFor(FollowedJob followed) =>
            followed.Key == null ? LengthGuess.Nothing : _lengths.Guess(followed.Key);

        private ScoutGroup GroupOf(string key, LengthGuess guess)
        {
            if (!_groups.TryGetValue(key, out var group))
            {
                _groups[key] = group = new ScoutGroup(key) { PlannedAim = guess.Aim, PlannedLearned = guess.IsLearned };
            }

            return group;
        }

        private static TimeSpan Scale(TimeSpan value, double share) => TimeSpan.FromTicks((long)(value.Ticks * share));
    }
}
