using System;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Emulator.Tests
{
    /// <summary>The emulator's own rate limits, which model a real server's: a client must slow down, and a refused create creates nothing.</summary>
    public class RateLimitTests
    {
        private const string Key = "emulator-test-key";
        private const string Create = "{\"mode\":\"pro\",\"prompt\":\"x\",\"image\":\"https://img.example/a.png\"}";

        [Fact]
        public async Task Queries_beyond_the_limit_are_answered_429_with_a_retry_after()
        {
            // A clock that stands still: no token comes back during the test, however slow the machine.
            using var emulator = ShortApiEmulator.Start(new EmulatorOptions { ApiKey = Key, QueryRateLimit = 3, Clock = new ManualClock() });
            using var api = new RawApi(emulator.BaseAddress, Key);

            var statuses = new int[6];
            for (int i = 0; i < statuses.Length; i++)
            {
                statuses[i] = (await api.QueryAsync("job_x")).Status;
            }

            // Three tokens (one second's worth): those queries are answered (404, no such job); the rest are refused.
            Assert.Equal(new[] { 404, 404, 404, 429, 429, 429 }, statuses);
            Assert.Equal(3, emulator.Stats.QueriesRateLimited);
            using var response = await api.GetAsync(new Uri(emulator.BaseAddress, "api/v1/job/query?id=job_x").AbsoluteUri);
            Assert.Equal(429, (int)response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        }

        [Fact]
        public async Task A_create_refused_by_the_limit_creates_no_job()
        {
            using var emulator = ShortApiEmulator.Start(new EmulatorOptions { ApiKey = Key, CreateRateLimit = 2, Clock = new ManualClock() });
            using var api = new RawApi(emulator.BaseAddress, Key);

            var statuses = new int[4];
            for (int i = 0; i < statuses.Length; i++)
            {
                statuses[i] = (await api.CreateAsync(RawApi.Body("vidu/vidu-q3/image-to-video", Create))).Status;
            }

            Assert.Equal(new[] { 200, 200, 429, 429 }, statuses);
            Assert.Equal(2, emulator.Stats.JobsCreated);
            Assert.Equal(4, emulator.Stats.CreateRequests);
            Assert.Equal(2, emulator.Stats.CreatesRateLimited);
        }

        [Fact]
        public async Task The_timeline_counts_what_each_second_received_and_refused()
        {
            using var emulator = ShortApiEmulator.Start(new EmulatorOptions { ApiKey = Key, QueryRateLimit = 1, Clock = new ManualClock() });
            using var api = new RawApi(emulator.BaseAddress, Key);

            await api.QueryAsync("job_x");
            await api.QueryAsync("job_x");
            await api.CreateAsync(RawApi.Body("vidu/vidu-q3/image-to-video", Create));

            var second = Assert.Single(emulator.Stats.Timeline);
            Assert.Equal((0, 2, 1, 1, 0), (second.Second, second.Queries, second.Creates, second.QueriesLimited, second.CreatesLimited));
        }
    }
}
