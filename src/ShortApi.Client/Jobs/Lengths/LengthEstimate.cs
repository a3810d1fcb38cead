using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Jobs.Lengths
{
    /// <summary>
    /// The learned length of one kind of job, kept as an aim: the age at which to ask about such a
    /// job first. The first finished job sets it from below (the last age it was seen running, so
    /// the next jobs are asked a little early rather than late). After that each job asked at the
    /// aim moves it: found still running, up by most of a gap; found ended, down by a little. That
    /// settles where about <see cref="RunningShare"/> of the jobs are still running when first
    /// asked, and follows jobs that get faster or slower. Not thread-safe: <see cref="JobLengths"/> locks.
    /// </summary>
    internal sealed class LengthEstimate
    {
        /// <summary>The share of jobs meant to be still running at the aim: more means fewer late ends, fewer means fewer queries.</summary>
        public const double RunningShare = 0.3;

        /// <summary>Past the aim a job is asked about every 2 % of its length...</summary>
        public const double GapShare = 0.02;

        /// <summary>...but not more often than this (four times a second for short jobs)...</summary>
        public static readonly TimeSpan MinGap = TimeSpan.FromMilliseconds(250);

        /// <summary>...nor less often than this, so the end of even a long job is seen within seconds.</summary>
        public static readonly TimeSpan MaxGap = TimeSpan.FromSeconds(10);

        /// <summary>Journal lengths include how late each end was seen: aim below their low tenth.</summary>
        public const double SeedQuantile = 0.1;

        /// <summary>...and this much below it again.</summary>
        public const double SeedMargin = 0.05;

        /// <summary>A catalog prior is a typical length, not a measurement: first ask at this share of it.</summary>
        public const double PriorShare = 0.8;

        /// <summary>Well-measured lengths kept, to catch up at once when jobs become much slower.</summary>
        private const int NarrowKept = 8;

        private readonly Queue<TimeSpan> _narrow = new Queue<TimeSpan>();
        private TimeSpan? _aim;
        private TimeSpan? _prior;
        private DateTimeOffset _movedAt;
        private TimeSpan _moveBudget;

        public LengthGuess Guess => _aim.HasValue
            ? new LengthGuess(_aim, true)
            : new LengthGuess(_prior.HasValue ? Scale(_prior.Value, PriorShare) : (TimeSpan?)null, false);

        /// <summary>The gap between queries for a job of about <paramref name="length"/>.</summary>
        public static TimeSpan Gap(TimeSpan length)
        {
            var gap = Scale(length, GapShare);
            return gap < MinGap ? MinGap : gap > MaxGap ? MaxGap : gap;
        }

        /// <summary>How close the last "running" and the first "ended" must be for a length to count as measured.</summary>
        public static TimeSpan NarrowWidth(TimeSpan length)
        {
            var twoGaps = Gap(length) + Gap(length);
            var tenth = Scale(length, 0.1);
            return twoGaps > tenth ? twoGaps : tenth;
        }

        /// <summary>A typical length from the catalog; used only until a job of the kind has finished.</summary>
        public void SetPrior(TimeSpan typical)
        {
            if (typical > TimeSpan.Zero)
            {
                _prior = typical;
            }
        }

        /// <summary>Lengths of jobs that finished in earlier runs (from a journal), when nothing is learned yet.</summary>
        public void Seed(IReadOnlyList<TimeSpan> lengths)
        {
            if (_aim.HasValue || lengths.Count == 0)
            {
                return;
            }

            var sorted = lengths.OrderBy(l => l).ToList();
            var low = sorted[(int)Math.Floor(SeedQuantile * (sorted.Count - 1))];
            _aim = Scale(low, 1 - SeedMargin);
        }

        public void Observe(LengthObservation observation)
        {
            if (observation.IsNarrow)
            {
                _narrow.Enqueue(observation.Middle);
                if (_narrow.Count > NarrowKept)
                {
                    _narrow.Dequeue();
                }
            }

            if (!_aim.HasValue)
            {
                _aim = observation.LastSeenRunning ?? Scale(observation.SeenEnded, 1 - SeedMargin);
                _movedAt = observation.At;
                return;
            }

            var aim = _aim.Value;
            var gap = Gap(aim);
            if (observation.RunningAtAim == true)
            {
                // Up, but never past when this very job was seen ended: its length is known to be below that.
                var up = aim + Scale(gap, 1 - RunningShare);
                aim = up < observation.SeenEnded ? up : (observation.SeenEnded > aim ? observation.SeenEnded : aim);
            }
            else if (observation.RunningAtAim == false)
            {
                aim -= Scale(gap, RunningShare);
            }

            aim = Damped(aim, gap, observation.At);

            // Jobs that became much slower: rather than creep up a gap at a time, join what was measured.
            if (_narrow.Count >= 3)
            {
                var measured = _narrow.OrderBy(l => l).ElementAt(_narrow.Count / 4);
                if (aim < measured - gap - gap)
                {
                    aim = measured - gap;
                }
            }

            _aim = aim > TimeSpan.Zero ? aim : TimeSpan.Zero;
        }

        /// <summary>
        /// Many jobs asked at one aim end together, and each would move it a step: the aim moves at
        /// most one gap per gap of time, so a burst of answers about one decision counts about once.
        /// </summary>
        private TimeSpan Damped(TimeSpan wanted, TimeSpan gap, DateTimeOffset at)
        {
            var current = _aim!.Value;
            var elapsed = at > _movedAt ? at - _movedAt : TimeSpan.Zero;
            _movedAt = at;
            _moveBudget = _moveBudget + elapsed < gap ? _moveBudget + elapsed : gap;
            var move = wanted - current;
            if (move > _moveBudget)
            {
                move = _moveBudget;
            }
            else if (move < -_moveBudget)
            {
                move = -_moveBudget;
            }

            _moveBudget -= move < TimeSpan.Zero ? -move : move;
            return current + move;
        }

        private static TimeSpan Scale(TimeSpan value, double share) => TimeSpan.FromTicks((long)(value.Ticks * share));
    }
}
