using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.TestSupport;
using ShortApi.Transport;
using Xunit;

namespace ShortApi.Client.Tests.Transport
{
    /// <summary>A chosen proxy carries every request, emulator on loopback included, and its refusal is one clear failure.</summary>
    public sealed class ProxyTests : IDisposable
    {
        private const string ProxyUser = "proxy-user";
        private const string ProxyPassword = "pw-5c0ffee9d1a7";

        private readonly TempDirectory _temp = new TempDirectory();

        public void Dispose() => _temp.Dispose();

        private static EmulatorHarness Through(ForwardingProxy proxy, NetworkCredential? credentials = null) =>
            new EmulatorHarness(
                o =>
                {
                    o.OutputBytes = 20000;
                    o.JobDuration = TimeSpan.FromMilliseconds(50);
                },
                c => c.Proxy = new ProxySettings(proxy.Address, credentials));

        private static PreparedJob AJob(EmulatorHarness harness) =>
            harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "a slow pan", Image = ImageInput.FromUrl("https://img.example/beach.png") });

        /// <summary>Creates a job, waits for it and downloads its output into the temporary folder.</summary>
        private async Task<VideoJob> RunOneJob(EmulatorHarness harness)
        {
            var job = await harness.Client.SubmitAsync(AJob(harness));
            var ended = await harness.Client.WaitAllAsync(new[] { job }, new WaitOptions { DownloadDirectory = _temp.Path });
            Assert.Null(ended.Single().Error);
            return job;
        }

        private static void AssertEverythingWentThrough(ForwardingProxy proxy, EmulatorHarness harness)
        {
            var stats = harness.Emulator.Stats;
            Assert.Equal(1, stats.CreateRequests);
            Assert.True(stats.QueryRequests > 0);
            Assert.Equal(1, stats.Downloads);
            Assert.Equal(stats.CreateRequests, proxy.CountFor("/api/v1/job/create"));
            Assert.Equal(stats.QueryRequests, proxy.CountFor("/api/v1/job/query"));
            Assert.Equal(stats.Downloads, proxy.CountFor("/files/"));
            Assert.Equal(stats.CreateRequests + stats.QueryRequests + stats.Downloads, proxy.Forwarded);
        }

        [Fact]
        public async Task Creates_queries_and_downloads_all_go_through_the_chosen_proxy()
        {
            using var proxy = ForwardingProxy.Start();
            using var harness = Through(proxy);

            await RunOneJob(harness);

            Assert.Single(Directory.GetFiles(_temp.Path));
            AssertEverythingWentThrough(proxy, harness);
        }

        [Fact]
        public async Task With_the_credentials_it_wants_the_proxy_forwards_everything()
        {
            using var proxy = ForwardingProxy.Start(ProxyUser, ProxyPassword);
            using var harness = Through(proxy, new NetworkCredential(ProxyUser, ProxyPassword));

            await RunOneJob(harness);

            Assert.Single(Directory.GetFiles(_temp.Path));
            AssertEverythingWentThrough(proxy, harness);
        }

        [Fact]
        public async Task A_create_sent_twice_for_the_proxys_sign_in_is_one_job_in_the_journal()
        {
            // The handler sends the create without credentials first, and again with them after the 407.
            using var proxy = ForwardingProxy.Start(ProxyUser, ProxyPassword);
            using var harness = Through(proxy, new NetworkCredential(ProxyUser, ProxyPassword));
            var journal = JobJournal.Open(_temp.Combine("journal.jsonl"));

            var job = await harness.Client.SubmitAsync(AJob(harness), journal);
            await Assert.ThrowsAsync<AlreadySubmittedException>(() => harness.Client.SubmitAsync(AJob(harness), journal));

            Assert.Equal(1, harness.Emulator.Stats.JobsCreated);
            Assert.Equal(1, proxy.CountFor("/api/v1/job/create"));
            Assert.NotNull(journal.FindJob(job.JobId));
        }

        [Fact]
        public async Task Without_credentials_the_proxy_refuses_once_and_the_error_names_it()
        {
            using var proxy = ForwardingProxy.Start(ProxyUser, ProxyPassword);
            using var harness = Through(proxy);

            var create = await Assert.ThrowsAsync<ApiErrorException>(() => harness.Client.SubmitAsync(AJob(harness)));
            Assert.Equal(1, proxy.AuthenticationRefusals);
            var query = await Assert.ThrowsAsync<ApiErrorException>(() => harness.Client.QueryAsync("job-1"));
            Assert.Equal(2, proxy.AuthenticationRefusals);

            foreach (var error in new[] { create, query })
            {
                Assert.Equal(ShortApiErrorReason.ProxyAuthenticationFailed, error.Reason);
                Assert.Equal(407, error.HttpStatus);
                Assert.Contains($"The proxy http://127.0.0.1:{proxy.Port} refused", error.Message);
            }

            Assert.Equal(0, proxy.Forwarded);
            Assert.Equal(0, harness.Emulator.Stats.CreateRequests + harness.Emulator.Stats.QueryRequests);
        }

        [Fact]
        public async Task Wrong_credentials_are_refused_without_a_retry()
        {
            using var proxy = ForwardingProxy.Start(ProxyUser, ProxyPassword);
            using var harness = Through(proxy, new NetworkCredential(ProxyUser, "not-the-password"));

            var error = await Assert.ThrowsAsync<ApiErrorException>(() => harness.Client.QueryAsync("job-1"));

            Assert.Equal(ShortApiErrorReason.ProxyAuthenticationFailed, error.Reason);

            // The handler asks once without credentials and once with them; the client adds no retries.
            Assert.InRange(proxy.AuthenticationRefusals, 1, 2);
            Assert.Equal(0, proxy.Forwarded);
        }

        [Fact]
        public async Task A_refused_tunnel_for_an_https_endpoint_is_the_same_clear_failure()
        {
            using var proxy = ForwardingProxy.Start(ProxyUser, ProxyPassword);
            var client = new ShortApiClient(new ShortApiClientOptions
            {
                Endpoint = "https://127.0.0.1:1/",
                ApiKey = ApiKey.FromPlainText(EmulatorHarness.Key),
                Proxy = new ProxySettings(proxy.Address),
                Retry = new RetryPolicy { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
            });

            var error = await Assert.ThrowsAsync<ApiErrorException>(() => client.QueryAsync("job-1"));

            Assert.Equal(ShortApiErrorReason.ProxyAuthenticationFailed, error.Reason);
            Assert.Contains($"http://127.0.0.1:{proxy.Port}", error.Message);
            Assert.Equal(1, proxy.AuthenticationRefusals);
            Assert.Equal(0, proxy.TunnelRequests);
        }

        [Fact]
        public async Task Neither_the_key_nor_the_proxy_password_appears_in_any_log_line_or_message()
        {
            using var proxy = ForwardingProxy.Start(ProxyUser, ProxyPassword);
            using var good = Through(proxy, new NetworkCredential(ProxyUser, ProxyPassword));
            using var bad = Through(proxy, new NetworkCredential(ProxyUser, ProxyPassword + "-wrong"));
            var messages = new List<string>();

            await RunOneJob(good);
            try
            {
                await bad.Client.SubmitAsync(AJob(bad));
            }
            catch (ShortApiException ex)
            {
                messages.Add(ex.ToString());
            }

            var lines = good.LogLines.Concat(bad.LogLines).ToList();
            Assert.NotEmpty(messages);
            Assert.Contains(lines, l => l.Contains("HTTP 200"));
            foreach (string text in lines.Concat(messages))
            {
                Assert.DoesNotContain(EmulatorHarness.Key, text);
                Assert.DoesNotContain(ProxyPassword, text);
            }
        }
    }
}
