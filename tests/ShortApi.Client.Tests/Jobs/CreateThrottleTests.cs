using System;
using ShortApi.Jobs;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    public class CreateThrottleTests
    {
        [Fact]
        public void A_fresh_endpoint_starts_with_a_few_creates_in_flight()
        {
            Assert.Equal(CreateThrottle.StartLimit, new CreateThrottle(new ManualClock()).Window);
        }

        [Fact]
        public void Each_create_that_lands_while_a_batch_is_held_back_widens_the_window_up_to_the_batch_ceiling()
        {
            var throttle = new CreateThrottle(new ManualClock());

            for (int i = 0; i < 100; i++)
            {
                throttle.Grow(ceiling: 16);
            }

            Assert.Equal(16, throttle.Window);
        }

        [Fact]
        public void A_rate_limit_halves_the_window_and_holds_new_creates_until_its_retry_after_has_passed()
        {
            var clock = new ManualClock();
            var throttle = new CreateThrottle(clock);
            for (int i = 0; i < 12; i++)
            {
                throttle.Grow(16);
            }

            throttle.SlowDown(TimeSpan.FromSeconds(2));

            Assert.Equal(8, throttle.Window);
            Assert.True(throttle.IsPaused);
            clock.Advance(TimeSpan.FromSeconds(2));
            Assert.False(throttle.IsPaused);
        }

        [Fact]
        public void After_a_rate_limit_the_window_grows_by_one_per_calm_second_not_by_doubling()
        {
            var clock = new ManualClock();
            var throttle = new CreateThrottle(clock);
            for (int i = 0; i < 12; i++)
            {
                throttle.Grow(16);
            }

            throttle.SlowDown(null);
            clock.Advance(CreateThrottle.CalmPeriod);
            for (int i = 0; i < 10; i++)
            {
                throttle.Grow(16); // many creates land within the same second
            }

            Assert.Equal(9, throttle.Window);
            clock.Advance(CreateThrottle.RecoveryStep);
            throttle.Grow(16);
            Assert.Equal(10, throttle.Window);
        }

        [Fact]
        public void The_window_does_not_grow_while_the_service_is_still_limiting()
        {
            var throttle = new CreateThrottle(new ManualClock());
            throttle.SlowDown(null);

            throttle.Grow(16);

            Assert.Equal(CreateThrottle.StartLimit / 2, throttle.Window);
        }
    }
}
