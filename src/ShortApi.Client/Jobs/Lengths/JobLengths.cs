using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using ShortApi.Journal;
using ShortApi.Timing;

namespace ShortApi.Jobs.Lengths
{
    /// <summary>
    /// How long each kind of job takes (<see cref="LengthKey"/>), shared by every wait in the
    /// process on the same endpoint, like the query budget: what one batch learned, the next one
    /// knows. Fed by jobs that finish, by the journals of earlier runs, and by the catalog's priors.
    /// </summary>
    internal sealed class JobLengths
    {
        private static readonly ConcurrentDictionary<(string, IClock), JobLengths> Shared = new ConcurrentDictionary<(string, IClock), JobLengths>();

        private readonly object _gate = new object();
        private readonly Dictionary<string, LengthEstimate> _byKey = new Dictionary<string, LengthEstimate>(StringComparer.Ordinal);
        private readonly HashSet<string> _seededFrom = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The process-wide lengths for an endpoint (and clock: a sped-up test clock learns apart).</summary>
        public static JobLengths For(Uri endpoint, IClock clock) =>
            Shared.GetOrAdd((endpoint.AbsoluteUri, clock), _ => new JobLengths());

        public LengthGuess Guess(string key)
        {
            lock (_gate)
            {
                return _byKey.TryGetValue(key, out var estimate) ? estimate.Guess : LengthGuess.Nothing;
            }
        }

        public void Observe(string key, LengthObservation observation)
        {
            lock (_gate)
            {
                EstimateOf(key).Observe(observation);
            }
        }

        public void SetPrior(string key, TimeSpan typical)
        {
            lock (_gate)
            {
                EstimateOf(key).SetPrior(typical);
            }
        }

        /// <summary>
        /// Learns from the finished jobs of a journal, once per journal: its successes on
        /// <paramref name="endpoint"/>, from submission to the end seen.
        /// </summary>
        public void SeedOnce(JobJournal journal, string endpoint)
        {
            lock (_gate)
            {
                if (!_seededFrom.Add(journal.Path))
                {
                    return;
                }
            }

            IReadOnlyList<VideoJob> jobs;
            try
            {
                jobs = journal.Jobs;
            }
            catch (Errors.ShortApiException)
            {
                return; // a journal that cannot be read teaches nothing; the wait reports it elsewhere
            }

            var lengths = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
            foreach (var job in jobs)
            {
                string? key = job.Status == JobStatus.Succeeded && job.SubmittedAt.HasValue && job.CompletedAt.HasValue && SameEndpoint(job.Endpoint, endpoint)
                    ? LengthKey.Of(job)
                    : null;
                var length = job.CompletedAt - job.SubmittedAt;
                if (key != null && length > TimeSpan.Zero)
                {
                    if (!lengths.TryGetValue(key, out var list))
                    {
                        lengths[key] = list = new List<TimeSpan>();
                    }

                    list.Add(length.Value);
                }
            }

            lock (_gate)
            {
                foreach (var pair in lengths)
                {
                    EstimateOf(pair.Key).Seed(pair.Value);
                }
            }
        }

        private static bool SameEndpoint(string a, string b) =>
            string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

        private LengthEstimate EstimateOf(string key)
        {
            if (!_byKey.TryGetValue(key, out var estimate))
            {
                _byKey[key] = estimate = new LengthEstimate();
            }

            return estimate;
        }
    }
}
