using System;
using System.Threading.Tasks;
using ShortApi.Emulator.Faults;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    public class RequestBudgetTests
    {
        [Fact]
        public void A_rate_limit_halves_the_rate_used()
        {
            var budget = new RequestBudget(40, new ManualClock());

            budget.SlowDown();

            Assert.Equal(20, budget.CurrentRate);
        }

        [Fact]
        public void Rate_limits_met_together_by_the_queries_in_flight_halve_the_rate_once()
        {
            var budget = new RequestBudget(40, new ManualClock());

            for (int i = 0; i < 5; i++)
            {
                budget.SlowDown();
            }

            Assert.Equal(20, budget.CurrentRate);
        }

        [Fact]
        public void Separate_rate_limits_each_halve_the_rate_down_to_one_query_a_second()
        {
            var clock = new ManualClock();
            var budget = new RequestBudget(40, clock);

            for (int i = 0; i < 10; i++)
            {
                budget.SlowDown();
                clock.Advance(RequestBudget.HalvingSpacing);
            }

            Assert.Equal(RequestBudget.LowestRate, budget.CurrentRate);
        }

        [Fact]
        public async Task Without_a_ceiling_the_budget_starts_polite_and_grows_while_fully_used_up_to_the_default_ceiling()
        {
            var clock = new SteppingClock();
            var budget = new RequestBudget(null, clock);
            Assert.Equal(RequestBudget.StartRate, budget.CurrentRate);
            Assert.False(budget.IsCeilingExplicit);

            await TakeFor(budget, clock, TimeSpan.FromSeconds(10));

            Assert.Equal(RequestBudget.DefaultCeiling, budget.CurrentRate);
        }

        [Fact]
        public async Task An_explicit_ceiling_is_never_exceeded()
        {
            var clock = new SteppingClock();
            var budget = new RequestBudget(120, clock);
            Assert.True(budget.IsCeilingExplicit);

            // Fully used for a minute: the rate grows, but to the ceiling and no further.
            await TakeFor(budget, clock, TimeSpan.FromSeconds(5));
            var from = clock.UtcNow;
            int taken = await TakeFor(budget, clock, TimeSpan.FromSeconds(60));

            Assert.Equal(120, budget.CurrentRate);
            Assert.True(taken <= 120 * (clock.UtcNow - from).TotalSeconds + 1, $"{taken} queries in {(clock.UtcNow - from).TotalSeconds} s");
        }

        [Fact]
        public async Task The_rate_does_not_grow_while_the_queries_do_not_use_it_all()
        {
            var clock = new SteppingClock();
            var budget = new RequestBudget(null, clock);

            for (int i = 0; i < 200; i++)
            {
                await budget.WaitAsync(default);
                clock.Advance(TimeSpan.FromMilliseconds(100)); // ten a second, a fifth of the start rate
            }

            Assert.Equal(RequestBudget.StartRate, budget.CurrentRate);
        }

        [Fact]
        public async Task After_a_rate_limit_the_rate_climbs_back_a_step_per_calm_second_not_by_doubling()
        {
            var clock = new SteppingClock();
            var budget = new RequestBudget(100, clock);
            budget.SlowDown();
            Assert.Equal(25, budget.CurrentRate); // started at 50, the polite start

            await TakeFor(budget, clock, TimeSpan.FromSeconds(3));

            // A step is a tenth of the rate the service limited (50/s), per calm second.
            Assert.InRange(budget.CurrentRate, 25 + 1, 25 + (3 * 50 * RequestBudget.RecoveryShare));
        }

        [Fact]
        public async Task A_retry_after_holds_every_query_until_it_has_passed()
        {
            var clock = new SteppingClock();
            var budget = new RequestBudget(null, clock);
            var start = clock.UtcNow;

            budget.SlowDown(TimeSpan.FromSeconds(3));
            await budget.WaitAsync(default);

            Assert.True(clock.UtcNow - start >= TimeSpan.FromSeconds(3));
        }

        [Fact]
        public async Task Requests_beyond_a_one_second_burst_are_spaced_at_the_rate()
        {
            var clock = new RecordingClock();
            var budget = new RequestBudget(10, clock);

            for (int i = 0; i < 12; i++)
            {
                await budget.WaitAsync(default);
            }

            // Ten go at once (one second's worth); the rest each wait for their tenth of a second.
            Assert.Equal(2, clock.Delays.Count);
        }

        [Fact]
        public async Task A_429_from_the_service_slows_the_shared_budget_of_the_endpoint()
        {
            using var harness = new EmulatorHarness(configureClient: o => o.MaxQueriesPerSecond = 64);
            var job = await harness.Client.SubmitAsync(harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") }));
            var budget = RequestBudget.For(harness.Client.Endpoint, 64, harness.Options.Clock);
            double before = budget.CurrentRate;
            harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.Status(429, TimeSpan.FromMilliseconds(1)));

            await harness.Client.QueryAsync(job.JobId);

            Assert.Equal(before / 2, budget.CurrentRate);
        }

        /// <summary>Takes every query the budget allows for <paramref name="span"/> of virtual time; returns how many.</summary>
        private static async Task<int> TakeFor(RequestBudget budget, SteppingClock clock, TimeSpan span)
        {
            var end = clock.UtcNow + span;
            int taken = 0;
            while (clock.UtcNow < end)
            {
                await budget.WaitAsync(default);
                taken++;
            }

            return taken;
        }
    }
}
