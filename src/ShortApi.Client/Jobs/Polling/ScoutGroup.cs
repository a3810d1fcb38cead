using System;
using System.Collections.Generic;

namespace ShortApi.Jobs.Polling
{
    /// <summary>
    /// The jobs of one kind in a wait, oldest first. While their length is unknown the oldest few
    /// are scouts, asked about on the age-based schedule; jobs of a kind take alike, so the rest
    /// wait for a scout to end instead of asking too. A scout that ends or is lost hands its role
    /// to the oldest job still waiting.
    /// </summary>
    internal sealed class ScoutGroup
    {
        /// <summary>Two, so one unusually slow job does not hold the whole kind back.</summary>
        public const int ScoutsPerKind = 2;

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

        public void Join(FollowedJob job, bool lengthLearned)
        {
            job.Node = _members.AddLast(job);
            if (!lengthLearned && Scouts < ScoutsPerKind)
            {
                job.IsScout = true;
                Scouts++;
            }
        }

        /// <summary>Removes an ended or lost job; returns the job promoted to scout in its place, if one was.</summary>
        public FollowedJob? Leave(FollowedJob job, bool lengthLearned)
        {
            if (job.Node != null)
            {
                _members.Remove(job.Node);
                job.Node = null;
            }

            if (!job.IsScout)
            {
                return null;
            }

            Scouts--;
            return lengthLearned ? null : Promote();
        }

        private FollowedJob? Promote()
        {
            for (var node = _members.First; node != null; node = node.Next)
            {
                if (!node.Value.IsScout)
                {
                    node.Value.IsScout = true;
                    Scouts++;
                    return node.Value;
                }
            }

            return null;
        }
    }
}
