using System;
using ShortApi.Jobs.Lengths;

namespace ShortApi.Jobs.Polling
{
    /// <summary>
    /// When to ask about a job next. A job whose kind's length is known stays quiet until about
    /// then, is asked every <see cref="LengthGuess.Gap"/> after that, and falls back to the
    /// age-based <see cref="PollSchedule"/> once it overruns. While the length is unknown, the
    /// kind's scouts follow the age-based schedule (while many jobs wait on them, one scout asks
    /// more closely, its role passing round the jobs; see <see cref="ScoutGroup"/>) and the others
    /// wait for what the scouts learn, asking only now and then in case the scouts are
    /// not typical. A job of no known kind, or a wait with a fixed interval, keeps the schedule as is.
    /// </summary>
    internal sealed class PollPlanner
    {
        /// <summary>
        /// While many jobs wait on it (<see cref="ScoutGroup.AsksClosely"/>), the kind's one scout
        /// asks every 1.25 % of its age (and at least every <see cref="LengthEstimate.MinGap"/>).
        /// </summary>
        public const double CloseScoutingShare = 0.0125;

        /// <summary>
        /// A scout hands its role on only to jobs that started within this share of its age (and
        /// at least <see cref="HandOffFloor"/>) of the kind's oldest. Asking a job started that much
        /// later sees the kind's end at most that much later: with the close gap on top, the
        /// oldest's end is seen within about 2.5 % of its age (or one second for young jobs), plus
        /// the round trips of the queries themselves.
        /// </summary>
        public const double HandOffShare = 0.0125;

        /// <summary>The hand-off window for young jobs: with the quarter-second gap, about the one second a short job is allowed.</summary>
        public static readonly TimeSpan HandOffFloor = TimeSpan.FromSeconds(0.75);

        /// <summary>A job still running this far past its estimated length has overrun it: back to the age-based schedule.</summary>
        public const double OverrunShare = 0.25;

        /// <summary>Jobs waiting on scouts ask first at this age, then each time their age doubles.</summary>
        public static readonly TimeSpan WaitingBackstop = TimeSpan.FromMinutes(1);

        private readonly PollSchedule _schedule;

        public PollPlanner(PollSchedule schedule)
        {
            _schedule = schedule;
        }

        /// <summary>False with a fixed interval: the caller chose the cadence, so nothing is learned or guessed.</summary>
        public bool Learns => _schedule.FixedInterval == null;

        /// <summary>True when the job is planned by its kind's estimated length.</summary>
        public static bool UsesEstimate(FollowedJob job, LengthGuess guess) =>
            job.Key != null && guess.Aim.HasValue && !(job.IsScout && !guess.IsLearned);

        /// <summary>When to ask next: after it was added, or after an answer that it still runs (or a failed query).</summary>
        public DateTimeOffset Next(FollowedJob job, LengthGuess guess, bool othersWait, DateTimeOffset now)
        {
            var age = job.AgeAt(now);
            if (job.Key == null)
            {
                // A job of unknown submission time may be long done: ask at once.
                return job.Asked == 0 ? (job.KnownStart ? NotBefore(job.Start + _schedule.NextDelay(TimeSpan.Zero), now) : now) : now + _schedule.NextDelay(age);
            }

            if (UsesEstimate(job, guess))
            {
                var aim = guess.Aim!.Value;
                if (!job.AskedAtAim)
                {
                    return NotBefore(job.Start + aim, now);
                }

                return age < aim + Scale(aim, OverrunShare) ? now + guess.Gap : now + _schedule.NextDelay(age);
            }

            if (job.IsScout)
            {
                var gap = othersWait ? CloseScoutingGap(age) : _schedule.NextDelay(age);
                return job.Asked == 0 ? NotBefore(job.Start + gap, now) : now + gap;
            }

            return NotBefore(job.Start + Backstop(age), now);
        }

        /// <summary>How much later than the kind's oldest job a job may have started to take the role from a scout of <paramref name="age"/>.</summary>
        public static TimeSpan HandOffWindow(TimeSpan age)
        {
            var window = Scale(age, HandOffShare);
            return window < HandOffFloor ? HandOffFloor : window;
        }

        /// <summary>
        /// When a job that just took the scout's role (<see cref="ScoutGroup.HandOff"/>) asks: one
        /// close gap after the answer that passed it on, whether or not it was ever asked before,
        /// so the kind's one stream of queries keeps its pace.
        /// </summary>
        public static DateTimeOffset AfterHandOff(FollowedJob successor, DateTimeOffset now) => now + CloseScoutingGap(successor.AgeAt(now));

        /// <summary>A job planned by an aim that has since grown: the later time it should wait for instead of asking now.</summary>
        public static DateTimeOffset? Deferral(FollowedJob job, LengthGuess guess, DateTimeOffset now)
        {
            if (!UsesEstimate(job, guess) || job.AskedAtAim)
            {
                return null;
            }

            var due = job.Start + guess.Aim!.Value;
            return due - now > Tolerance(guess) ? due : (DateTimeOffset?)null;
        }

        /// <summary>
        /// Marks a query about to go out. Its first at the estimated length is remembered, and it
        /// teaches the estimate only when it went out near that length (not a job added long after it).
        /// </summary>
        public static void NoteSent(FollowedJob job, LengthGuess guess, DateTimeOffset now)
        {
            job.Asked++;
            job.SentAt = now;
            job.AimQueryInFlight = false;
            if (UsesEstimate(job, guess) && !job.AskedAtAim)
            {
                job.AskedAtAim = true;
                job.AimQueryInFlight = job.AgeAt(now) <= guess.Aim!.Value + guess.Gap;
            }
        }

        private static TimeSpan Tolerance(LengthGuess guess) => TimeSpan.FromTicks(guess.Gap.Ticks / 4);

        private static TimeSpan CloseScoutingGap(TimeSpan age)
        {
            var gap = Scale(age, CloseScoutingShare);
            return gap < LengthEstimate.MinGap ? LengthEstimate.MinGap : gap;
        }

        /// <summary>The next of one minute, two, four... past <paramref name="age"/>.</summary>
        private static TimeSpan Backstop(TimeSpan age)
        {
            var at = WaitingBackstop;
            while (at <= age)
            {
                at += at;
            }

            return at;
        }

        private static DateTimeOffset NotBefore(DateTimeOffset due, DateTimeOffset now) => due > now ? due : now;

        private static TimeSpan Scale(TimeSpan value, double share) => TimeSpan.FromTicks((long)(value.Ticks * share));
    }
}
