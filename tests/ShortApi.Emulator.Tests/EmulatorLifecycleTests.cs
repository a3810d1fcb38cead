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

        [Fact]
        public async Task The_same_seed_gives_the_same_job_ids_and_the_same_failures()
        {
            async Task<string[]> Run()
            {
                using var emulator = ShortApiEmulator.Start(new EmulatorOptions { Seed = 99, FailureRate = 0.5 });
                using var api = new RawApi(emulator.BaseAddress, "k");
                for (int i = 0; i < 10; i++)
                {
                    await api.CreateAsync(Create);
                }

                return emulator.Jobs.Select(j => j.Id + (j.WillFail ? "!" : string.Empty)).ToArray();
            }

            var first = await Run();
            var second = await Run();

            Assert.Equal(first, second);
            Assert.Contains(first, id => id.EndsWith("!"));
            Assert.Contains(first, id => !id.EndsWith("!"));
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
