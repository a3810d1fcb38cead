using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Emulator.Faults;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.TestSupport;
using ShortApi.Transport;
using Xunit;

namespace ShortApi.Client.Tests.Security
{
    /// <summary>The key goes into the Authorization header and nowhere else.</summary>
    public class ApiKeySecrecyTests
    {
        [Fact]
        public void The_key_object_never_prints_the_key()
        {
            var key = ApiKey.FromPlainText(EmulatorHarness.Key);

            Assert.DoesNotContain(EmulatorHarness.Key, key.ToString());
            Assert.DoesNotContain(EmulatorHarness.Key, $"{key}");
        }

        [Fact]
        public async Task No_message_log_line_or_journal_line_contains_the_key_whatever_goes_wrong()
        {
            using var harness = new EmulatorHarness(configureClient: o => o.Log = null);
            var lines = new List<string>();
            var options = harness.Options;
            options.Log = (level, line) => { lock (lines) { lines.Add(line); } };
            var client = new ShortApiClient(options);
            using var temp = new TempDirectory();
            var journal = JobJournal.Open(temp.Combine("j.jsonl"));
            var messages = new List<string>();

            // A server that echoes the key back in its error text, then a gamut of failures.
            harness.Emulator.Faults.Enqueue(EmulatorRoute.Create,
                EmulatorFault.EnvelopeError(401, "key " + EmulatorHarness.Key + " is not valid"),
                EmulatorFault.Status(500, processFirst: true),
                EmulatorFault.DropConnection(processFirst: true),
                EmulatorFault.Status(429), EmulatorFault.Status(503));
            harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.Status(500), EmulatorFault.EnvelopeError(1, "bad key " + EmulatorHarness.Key));

            for (int i = 0; i < 4; i++)
            {
                try
                {
                    var job = await client.SubmitAsync(client.Prepare(new JobRequest("vidu-q3") { Prompt = "x" + i, Image = ImageInput.FromUrl("https://img.example/a.png") }), journal);
                    await client.QueryAsync(job.JobId);
                }
                catch (ShortApiException ex)
                {
                    messages.Add(ex.ToString());
                }
            }

            Assert.NotEmpty(messages);
            Assert.NotEmpty(lines);
            Assert.All(messages, m => Assert.DoesNotContain(EmulatorHarness.Key, m));
            Assert.All(lines, l => Assert.DoesNotContain(EmulatorHarness.Key, l));
            Assert.DoesNotContain(EmulatorHarness.Key, File.ReadAllText(journal.Path));
            Assert.Contains(messages, m => m.Contains("key *** is not valid"));
        }

        [Theory]
        [InlineData("http://api.example.com")]
        [InlineData("http://10.0.0.8:8080")]
        public void Plain_http_to_anything_but_loopback_is_refused_before_any_request(string endpoint)
        {
            var error = Assert.Throws<ShortApiException>(() => new ShortApiClient(new ShortApiClientOptions { Endpoint = endpoint, ApiKey = ApiKey.FromPlainText("k") }));

            Assert.Equal(ShortApiErrorReason.InsecureEndpoint, error.Reason);
            Assert.Contains("https", error.Message);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000")]
        [InlineData("http://localhost:5000")]
        [InlineData("http://[::1]:5000")]
        [InlineData("https://api.example.com")]
        public void Https_and_loopback_http_are_allowed(string endpoint)
        {
            Assert.NotNull(EndpointPolicy.Validate(endpoint));
        }

        [Fact]
        public async Task A_call_without_a_key_says_so_without_sending_anything()
        {
            using var harness = new EmulatorHarness(configureClient: o => o.ApiKey = null);

            var error = await Assert.ThrowsAsync<ShortApiException>(() => harness.Client.QueryAsync("job_1"));

            Assert.Equal(ShortApiErrorReason.MissingApiKey, error.Reason);
            Assert.Equal(0, harness.Emulator.Stats.QueryRequests);
        }

        [Fact]
        public async Task A_key_read_with_a_trailing_line_break_is_trimmed_and_works()
        {
            using var harness = new EmulatorHarness(configureClient: o => o.ApiKey = ShortApi.Transport.ApiKey.FromPlainText(EmulatorHarness.Key + "\r\n"));

            var job = await harness.Client.SubmitAsync(harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") }));

            Assert.False(string.IsNullOrEmpty(job.JobId));
        }

        [Theory]
        [InlineData("sk-secret part")]
        [InlineData("sk-secret\npart")]
        [InlineData("sk-secret\u00e9part")]
        public void A_key_a_header_cannot_carry_is_refused_without_repeating_it(string key)
        {
            var error = Assert.Throws<ShortApiException>(() => ShortApi.Transport.ApiKey.FromPlainText(key));

            Assert.Equal(ShortApiErrorReason.InvalidArgument, error.Reason);
            Assert.DoesNotContain("secret", error.Message);
        }
    }
}
