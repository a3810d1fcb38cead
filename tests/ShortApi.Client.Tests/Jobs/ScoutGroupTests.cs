using System;
using System.Linq;
using ShortApi.Jobs;
using ShortApi.Jobs.Lengths;
using ShortApi.Jobs.Polling;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    /// <summary>Who asks about a kind of job while its length is unknown.</summary>
    public class ScoutGroupTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

        private static FollowedJob Job(int n, double startSeconds, int asked = 0) =>
            new FollowedJob(new VideoJob($"job_{n}", "m/x/image-to-video", null, $"{n}.png", null, null, null, null, T0, "http://127.0.0.1:1"), "kind", T0.AddSeconds(startSeconds), knownStart: true, addedFresh: true)
            { Asked = asked };

        /// <summary>A group of <paramref name="starts"/>.Length jobs of unknown length, joined in that order.</summary>
        private static (ScoutGroup Group, FollowedJob[] Jobs) Group(params double[] starts)
        {
            var group = new ScoutGroup("kind");
            var jobs = starts.Select((s, i) => Job(i, s)).ToArray();
            foreach (var job in jobs)
            {
                group.Join(job, LengthGuess.Nothing);
            }

            return (group, jobs);
        }

        [Fact]
        public void The_first_jobs_of_a_kind_scout_and_the_rest_wait()
        {
            var (group, jobs) = Group(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);

            Assert.Equal(new[] { true, true, false, false, false, false, false }, jobs.Select(j => j.IsScout));
            Assert.True(group.AsksClosely(LengthGuess.Nothing));
        }

        [Fact]
        public void While_many_wait_a_second_scout_steps_down_so_one_stream_of_queries_serves_the_kind()
        {
            var (group, jobs) = Group(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
            jobs[0].Asked = 1;

            Assert.Null(group.HandOff(jobs[0], Window));

            Assert.False(jobs[0].IsScout);
            Assert.Equal(1, group.Scouts);
            Assert.True(jobs[1].IsScout);
        }

        [Fact]
        public void The_one_scout_passes_its_role_to_the_least_asked_job_started_with_the_oldest()
        {
            var (group, jobs) = Group(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
            group.HandOff(jobs[0], Window);
            jobs[0].Asked = 1;
            jobs[1].Asked = 3;
            jobs[2].Asked = 2;
            jobs[3].Asked = 1;
            jobs[4].Asked = 2;

            var next = group.HandOff(jobs[1], Window);

            Assert.Same(jobs[5], next);
            Assert.True(jobs[5].IsScout);
            Assert.False(jobs[1].IsScout);
            Assert.Equal(1, group.Scouts);
        }

        [Fact]
        public void A_job_started_well_after_the_oldest_never_takes_the_role()
        {
            // Asking it would see the kind's end only when its own, later, end comes.
            var (group, jobs) = Group(0, 0.1, 0.2, 0.3, 0.4, 5, 6);
            group.HandOff(jobs[0], Window);
            foreach (var job in jobs.Take(5))
            {
                job.Asked = 4;
            }

            Assert.Null(group.HandOff(jobs[1], Window));
            Assert.True(jobs[1].IsScout);
        }

        [Fact]
        public void A_job_being_asked_already_does_not_take_the_role()
        {
            var (group, jobs) = Group(0, 0.1, 0.2, 0.3, 0.4, 0.5);
            group.HandOff(jobs[0], Window);
            foreach (var job in jobs)
            {
                job.Asked = 1;
            }

            jobs[1].Asked = 2;
            jobs[2].Asked = 0;
            jobs[2].InFlight = true;

            Assert.Same(jobs[0], group.HandOff(jobs[1], Window));
        }

        [Fact]
        public void The_role_stays_when_no_one_has_been_asked_less()
        {
            var (group, jobs) = Group(0, 0.1, 0.2, 0.3, 0.4, 0.5);
            group.HandOff(jobs[0], Window);
            foreach (var job in jobs)
            {
                job.Asked = 2;
            }

            Assert.Null(group.HandOff(jobs[1], Window));
            Assert.True(jobs[1].IsScout);
        }

        [Fact]
        public void With_a_catalog_prior_or_few_jobs_waiting_nobody_scouts_closely()
        {
            var (few, _) = Group(0, 0.1, 0.2);
            var (many, _) = Group(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);

            Assert.False(few.AsksClosely(LengthGuess.Nothing));
            Assert.False(many.AsksClosely(new LengthGuess(TimeSpan.FromSeconds(60), false)));
        }

        [Fact]
        public void The_kinds_first_length_starts_from_the_scouts_latest_sighting_not_the_ended_jobs_own_stale_one()
        {
            var (group, _) = Group(0, 0.1, 0.2, 0.3, 0.4, 0.5);
            group.NoteScoutRunning(TimeSpan.FromSeconds(3.6));
            group.NoteScoutRunning(TimeSpan.FromSeconds(3.9));

            Assert.Equal(TimeSpan.FromSeconds(3.9), group.FirstLowerBound(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(4.1)));
            Assert.Equal(TimeSpan.FromSeconds(3.9), group.FirstLowerBound(null, TimeSpan.FromSeconds(4.1)));
        }

        [Fact]
        public void A_scouts_sighting_past_when_the_job_was_seen_ended_is_not_taken_as_its_lower_bound()
        {
            var (group, _) = Group(0, 0.1, 0.2, 0.3, 0.4, 0.5);
            group.NoteScoutRunning(TimeSpan.FromSeconds(4.5));

            Assert.Equal(TimeSpan.FromSeconds(3.8), group.FirstLowerBound(TimeSpan.FromSeconds(3.8), TimeSpan.FromSeconds(4.1)));
        }

        [Fact]
        public void A_job_that_started_alone_before_the_rest_shares_the_role_with_the_next_one_instead_of_holding_it()
        {
            // Were the oldest to keep the role alone and be unusually slow, the rest would hear of their ends only at the minute marks.
            var (group, jobs) = Group(0, 5, 5.1, 5.2, 5.3, 5.4, 5.5);
            group.HandOff(jobs[0], Window);
            jobs[0].Asked = 1;
            jobs[1].Asked = 3;
            Assert.Same(jobs[0], group.HandOff(jobs[1], Window));

            jobs[0].Asked = 4;

            Assert.Same(jobs[1], group.HandOff(jobs[0], Window));
        }

        [Fact]
        public void When_a_scout_is_lost_the_oldest_waiting_job_takes_its_place()
        {
            var (group, jobs) = Group(0, 0.1, 0.2);

            var promoted = group.Leave(jobs[0], LengthGuess.Nothing);

            Assert.Equal(new[] { jobs[2] }, promoted);
            Assert.Equal(2, group.Scouts);
        }

        [Fact]
        public void When_so_few_jobs_are_left_waiting_that_one_scout_is_not_enough_a_second_is_named_again()
        {
            var (group, jobs) = Group(0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
            jobs[0].Asked = 1;
            group.HandOff(jobs[0], Window);
            Assert.Equal(1, group.Scouts);

            group.Leave(jobs[6], LengthGuess.Nothing);
            group.Leave(jobs[5], LengthGuess.Nothing);
            var promoted = group.Leave(jobs[4], LengthGuess.Nothing);

            Assert.Equal(new[] { jobs[0] }, promoted);
            Assert.Equal(2, group.Scouts);
        }

        [Fact]
        public void Once_the_length_is_learned_nobody_is_made_a_scout()
        {
            var (group, jobs) = Group(0, 0.1, 0.2);

            Assert.Empty(group.Leave(jobs[0], new LengthGuess(TimeSpan.FromSeconds(30), true)));
            Assert.Equal(1, group.Scouts);
        }
    }
}
