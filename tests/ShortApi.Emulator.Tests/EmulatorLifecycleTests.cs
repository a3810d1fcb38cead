using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace ShortApi.Emulator.Tests
{
    public class EmulatorLifecycleTests
    {
        private const string Create = "{\"model\":\"vidu/vidu-q3/image-to-video\",\"args\":{\"mode\":\"pro\",\"prompt\":\"x\",\"image\":\"https://img.example/a.png\"}}";

        private static async Task<EmulatedJob[]> CreateTenJobs(int seed)
        {
            using var emulator = ShortApiEmulator.Start(new EmulatorOptions { Seed = seed, FailureRate = 0.5 });
            using var api = new RawApi(emulator.BaseAddress, "k");
            for (int i = 0; i < 10; i++)
            {
                await api.CreateAsync(Create);
            }

            return emulator.Jobs.ToArray();
        }

        [Fact]
        public async Task The_same_seed_fails_the_same_jobs()
        {
            var first = await CreateTenJobs(99);
            var second = await CreateTenJobs(99);

            Assert.Equal(first.Select(j => j.WillFail), second.Select(j => j.WillFail));
            Assert.Contains(first, j => j.WillFail);
            Assert.Contains(first, j => !j.WillFail);
        }

        [Fact]
        public async Task Two_emulators_with_the_same_seed_give_different_job_ids()
        {
            var first = await CreateTenJobs(99);
            var second = await CreateTenJobs(99);

            Assert.Empty(first.Select(j => j.Id).Intersect(second.Select(j => j.Id)));
        }

        [Fact]
        public async Task After_stop_the_port_no_longer_answers_and_stopping_again_is_harmless()
        {
            var emulator = ShortApiEmulator.Start();
            var address = emulator.BaseAddress;

            emulator.Stop();
            emulator.Stop();

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(address, "api/v1/job/query?id=x")));
            Assert.False(emulator.IsRunning);
        }

        [Fact]
        public async Task Rate_limits_come_with_retry_after_at_the_configured_rate()
        {
            using var emulator = ShortApiEmulator.Start(new EmulatorOptions { RateLimitRate = 1, RetryAfter = TimeSpan.FromSeconds(7) });
            using var http = new HttpClient();
            http.DefaultRequestHeaders.Add("Authorization", "Bearer k");

            var response = await http.GetAsync(new Uri(emulator.BaseAddress, "api/v1/job/query?id=x"));

            Assert.Equal(429, (int)response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
        }
    }
}
