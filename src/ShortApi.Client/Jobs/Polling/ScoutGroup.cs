using System;
using System.Collections.Generic;
using ShortApi.Jobs.Lengths;

namespace ShortApi.Jobs.Polling
{
    /// <summary>
    /// The jobs of one kind in a wait, oldest first. While their length is unknown a few are
    /// scouts, asked about on the age-based schedule; jobs of a kind take alike, so the rest wait
    /// for a scout to end instead of asking too. When a scout ends or is lost, the oldest job
    /// still waiting takes its place. While many jobs wait, one scout is enough, and its role
    /// passes round the jobs started about as early, so no one job carries the kind's asking.
    /// </summary>
    internal sealed class ScoutGroup
    {
        /// <summary>Two while few jobs wait, so one unusually slow job does not hold the rest back; one while many do (its role passes round, see <see cref="HandOff"/>).</summary>
        public const int ScoutsPerKind = 2;

        /// <summary>While this many jobs wait on the scouts, one scout asks closely: each answer is worth that many jobs.</summary>
        public const int CloseScoutingFrom = 4;

        private readonly LinkedList<FollowedJob> _members = new LinkedList<FollowedJob>();

        public ScoutGroup(string key)
        {
            Key = key;
        }

        public string Key { get; }

        public IEnumerable<FollowedJob> Members => _members;

        public int Count => _members.Count;

        public int Scouts { get; private set; }

        /// <summary>Jobs waiting for the scouts.</summary>
        public int Waiting => _members.Count - Scouts;

        /// <summary>The aim the waiting members were planned with (the highest since, as later ones defer themselves).</summary>
        public TimeSpan? PlannedAim { get; set; }

        /// <summary>Whether they were planned with a learned length.</summary>
        public bool PlannedLearned { get; set; }

        /// <summary>
        /// The greatest age at which a scout was found still running while the role passed round.
        /// Each job is then asked only now and then, so its own last sighting is stale; the kind's
        /// first measured length takes this one instead (see <see cref="FirstLowerBound"/>).
        /// </summary>
        public TimeSpan? ScoutedRunning { get; private set; }

        /// <summary>Remembers that the kind's scout was just found running at <paramref name="age"/>.</summary>
        public void NoteScoutRunning(TimeSpan age)
        {
            if (!ScoutedRunning.HasValue || age > ScoutedRunning.Value)
            {
                ScoutedRunning = age;
            }
        }

        /// <summary>
        /// For the first job of the kind seen ended (nothing learned yet): the last age at which
        /// the kind was seen running, its own sighting or the scouts', whichever is later but below
        /// the age it was seen ended at.
        /// </summary>
        public TimeSpan? FirstLowerBound(TimeSpan? ownLastRunning, TimeSpan seenEnded)
        {
            if (ScoutedRunning.HasValue && ScoutedRunning.Value < seenEnded && (!ownLastRunning.HasValue || ScoutedRunning.Value > ownLastRunning.Value))
            {
                return ScoutedRunning;
            }

            return ownLastRunning;
        }

        /// <summary>
        /// Whether many jobs wait on the scouts with nothing, not even a catalog prior, to plan by:
        /// then one scout asks closely and its role passes round (<see cref="HandOff"/>).
        /// </summary>
        public bool AsksClosely(LengthGuess guess) => !guess.Aim.HasValue && Waiting >= CloseScoutingFrom;

        /// <summary>Adds a job; it becomes a scout while the length is not learned and the kind has fewer scouts than it needs.</summary>
        public void Join(FollowedJob job, LengthGuess guess)
        {
            int wanted = AsksClosely(guess) ? 1 : ScoutsPerKind;
            job.Node = _members.AddLast(job);
            if (!guess.IsLearned && Scouts < wanted)
            {
                job.IsScout = true;
                Scouts++;
            }
        }

        /// <summary>
        /// Removes an ended or lost job. While the length is not learned, the oldest waiting jobs
        /// are made scouts until the kind has as many as it needs (a scout left, or so few jobs
        /// wait now that two scouts are wanted again); returns them, to be planned.
        /// </summary>
        public IReadOnlyList<FollowedJob> Leave(FollowedJob job, LengthGuess guess)
        {
            if (job.Node != null)
            {
                _members.Remove(job.Node);
                job.Node = null;
            }

            if (job.IsScout)
            {
                job.IsScout = false;
                Scouts--;
            }

            var promoted = new List<FollowedJob>();
            if (guess.IsLearned)
            {
                return promoted;
            }

            int wanted = AsksClosely(guess) ? 1 : ScoutsPerKind;
            for (var node = _members.First; node != null && Scouts < wanted; node = node.Next)
            {
                if (!node.Value.IsScout)
                {
                    node.Value.IsScout = true;
                    Scouts++;
                    promoted.Add(node.Value);
                }
            }

            return promoted;
        }

        /// <summary>
        /// After <paramref name="scout"/> was found still running while the kind
        /// <see cref="AsksClosely"/>. If another scout remains, it steps down: one is enough.
        /// Otherwise it passes its role to the least-asked job that started within
        /// <paramref name="window"/> of the kind's oldest (or no later than the second oldest, so
        /// that at least two jobs share it and one slow job cannot hold it alone) and is not being
        /// asked already: that job shows the kind's end about as soon. Returns the new scout, or
        /// null when the role stays or was given up.
        /// </summary>
        public FollowedJob? HandOff(FollowedJob scout, TimeSpan window)
        {
            if (!scout.IsScout)
            {
                return null;
            }

            if (Scouts > 1)
            {
                scout.IsScout = false;
                Scouts--;
                return null;
            }

            var oldest = DateTimeOffset.MaxValue;
            var secondOldest = DateTimeOffset.MaxValue;
            foreach (var member in _members)
            {
                if (member.Start < oldest)
                {
                    secondOldest = oldest;
                    oldest = member.Start;
                }
                else if (member.Start < secondOldest)
                {
                    secondOldest = member.Start;
                }
            }

            var latestStart = oldest + window > secondOldest ? oldest + window : secondOldest;
            FollowedJob? successor = null;
            foreach (var member in _members)
            {
                if (!member.IsScout && !member.InFlight && member.Start <= latestStart && (successor == null || member.Asked < successor.Asked))
                {
                    successor = member;
                }
            }

            if (successor == null || successor.Asked >= scout.Asked)
            {
                return null;
            }

            scout.IsScout = false;
            successor.IsScout = true;
            return successor;
        }
    }
}
