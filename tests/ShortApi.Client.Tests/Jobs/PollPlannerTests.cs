using System;
using ShortApi.Jobs;
using ShortApi.Jobs.Lengths;
using ShortApi.Jobs.Polling;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    public class PollPlannerTests
    {
        private static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly PollPlanner Planner = new PollPlanner(PollSchedule.Default);

        private static FollowedJob Followed(bool scout = false) =>
            new FollowedJob(new VideoJob("job_1", "m/x/image-to-video", null, "a.png", null, null, null, null, T0, "http://127.0.0.1:1"), "kind", T0, knownStart: true, addedFresh: true) { IsScout = scout };

        private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

        [Fact]
        public void A_job_of_a_kind_whose_length_is_learned_is_first_asked_about_at_that_length()
        {
            var guess = new LengthGuess(S(40), true);

            Assert.Equal(T0 + S(40), Planner.Next(Followed(), guess, othersWait: false, T0));
        }

        [Fact]
        public void Past_its_length_a_job_is_asked_about_closely_and_once_it_overruns_by_its_age_again()
        {
            var guess = new LengthGuess(S(40), true);
            var job = Followed();
            PollPlanner.NoteSent(job, guess, T0 + S(40));

            Assert.Equal(T0 + S(41) + guess.Gap, Planner.Next(job, guess, false, T0 + S(41)));
            Assert.Equal(T0 + S(60) + PollSchedule.Default.NextDelay(S(60)), Planner.Next(job, guess, false, T0 + S(60)));
        }

        [Fact]
        public void A_job_planned_by_an_aim_that_has_grown_waits_for_the_new_one()
        {
            var job = Followed();

            Assert.Equal(T0 + S(50), PollPlanner.Deferral(job, new LengthGuess(S(50), true), T0 + S(40)));
            Assert.Null(PollPlanner.Deferral(job, new LengthGuess(S(40), true), T0 + S(40)));
        }

        [Fact]
        public void While_nothing_is_known_a_scout_keeps_the_age_based_schedule()
        {
            Assert.Equal(T0 + PollSchedule.Default.NextDelay(TimeSpan.Zero), Planner.Next(Followed(scout: true), LengthGuess.Nothing, othersWait: false, T0));
        }

        [Fact]
        public void A_scout_many_jobs_wait_on_asks_more_closely()
        {
            var job = Followed(scout: true);
            PollPlanner.NoteSent(job, LengthGuess.Nothing, T0 + S(100));

            var alone = Planner.Next(job, LengthGuess.Nothing, othersWait: false, T0 + S(100));
            var watched = Planner.Next(job, LengthGuess.Nothing, othersWait: true, T0 + S(100));

            Assert.True(watched < alone);
        }

        [Fact]
        public void A_job_handed_the_scouts_role_keeps_the_streams_pace_even_if_never_asked_before()
        {
            // Asked at once, a never-asked successor would turn the close gap into back-to-back queries.
            var successor = Followed(scout: true);
            var now = T0 + S(100);

            Assert.Equal(now + S(1.25), PollPlanner.AfterHandOff(successor, now));
            Assert.Equal(T0 + S(2) + LengthEstimate.MinGap, PollPlanner.AfterHandOff(successor, T0 + S(2)));
        }

        [Fact]
        public void While_nothing_is_known_the_other_jobs_wait_for_the_scouts_asking_only_after_a_minute()
        {
            Assert.Equal(T0 + PollPlanner.WaitingBackstop, Planner.Next(Followed(), LengthGuess.Nothing, othersWait: true, T0));
        }

        [Fact]
        public void With_only_a_catalog_prior_scouts_still_explore_while_the_others_use_the_prior()
        {
            var prior = new LengthGuess(S(80), false);

            Assert.Equal(T0 + S(80), Planner.Next(Followed(), prior, othersWait: true, T0));
            Assert.True(Planner.Next(Followed(scout: true), prior, othersWait: true, T0) < T0 + S(1));
        }

        [Fact]
        public void A_fixed_interval_turns_learning_off()
        {
            Assert.False(new PollPlanner(new PollSchedule(S(5))).Learns);
            Assert.True(Planner.Learns);
        }
    }
}
