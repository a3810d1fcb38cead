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
        public void Repeated_rate_limits_never_take_the_rate_below_a_sixteenth_of_the_ceiling()
        {
            var budget = new RequestBudget(32, new ManualClock());

            for (int i = 0; i < 10; i++)
            {
                budget.SlowDown();
            }

            Assert.Equal(2, budget.CurrentRate);
        }

        [Fact]
        public void The_rate_climbs_back_to_the_ceiling_while_the_service_stays_calm()
        {
            var clock = new ManualClock();
            var budget = new RequestBudget(40, clock);
            budget.SlowDown();

            clock.Advance(RequestBudget.RecoveryStep);
            Assert.Equal(24, budget.CurrentRate);

            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(40, budget.CurrentRate);
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
            harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.Status(429, TimeSpan.FromMilliseconds(1)));

            await harness.Client.QueryAsync(job.JobId);

            Assert.Equal(32, budget.CurrentRate);
        }
    }
}
