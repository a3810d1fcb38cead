using System;
using ShortApi.Jobs;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    public class PollScheduleTests
    {
        [Fact]
        public void A_young_job_is_asked_about_often_but_not_more_than_the_floor_allows()
        {
            Assert.Equal(TimeSpan.FromMilliseconds(750), PollSchedule.Default.NextDelay(TimeSpan.FromSeconds(1)));
        }

        [Fact]
        public void The_gap_grows_with_the_job_age()
        {
            Assert.Equal(TimeSpan.FromSeconds(60), PollSchedule.Default.NextDelay(TimeSpan.FromMinutes(5)));
        }

        [Fact]
        public void The_gap_never_exceeds_two_minutes()
        {
            Assert.Equal(TimeSpan.FromMinutes(2), PollSchedule.Default.NextDelay(TimeSpan.FromHours(3)));
        }

        [Fact]
        public void A_ten_minute_job_costs_at_most_40_queries_and_each_end_is_noticed_within_a_quarter_of_its_age()
        {
            var schedule = PollSchedule.Default;
            var end = TimeSpan.FromMinutes(10);
            var at = schedule.NextDelay(TimeSpan.Zero);
            int queries = 1;
            while (at < end)
            {
                var next = at + schedule.NextDelay(at);
                // Were the job to end just after this query, the next one notices it this much later.
                Assert.True(next - at <= TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, at.Ticks / 4)), $"gap {next - at} at age {at}");
                at = next;
                queries++;
            }

            Assert.InRange(queries, 1, 40);
        }

        [Fact]
        public void A_fixed_interval_replaces_the_adaptive_cadence()
        {
            var schedule = new PollSchedule(TimeSpan.FromSeconds(5));

            Assert.Equal(TimeSpan.FromSeconds(5), schedule.NextDelay(TimeSpan.FromHours(1)));
        }
    }
}
