using System;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Emulator.Faults;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Transport
{
    /// <summary>
    /// Creates cost money: they are retried only when the server certainly did not take them, and
    /// an unknown outcome surfaces instead of being repeated.
    /// </summary>
    public class CreateRetryTests : IDisposable
    {
        private readonly RecordingClock _clock = new RecordingClock();
        private readonly EmulatorHarness _harness;

        public CreateRetryTests()
        {
            _harness = new EmulatorHarness(clock: _clock, configureClient: o => o.CreateTimeout = TimeSpan.FromSeconds(2));
        }

        public void Dispose() => _harness.Dispose();

        private PreparedJob Job() =>
            _harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "a cat", Image = ImageInput.FromUrl("https://img.example/a.png") });

        [Fact]
        public async Task A_429_is_retried_after_the_servers_retry_after_and_creates_one_job()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Status(429, TimeSpan.FromSeconds(3)));

            var job = await _harness.Client.SubmitAsync(Job());

            Assert.NotNull(job.JobId);
            Assert.Equal(2, _harness.Emulator.Stats.CreateRequests);
            Assert.Equal(1, _harness.Emulator.Stats.JobsCreated);
            Assert.Contains(_clock.Delays, d => d >= TimeSpan.FromSeconds(3));
        }

        [Fact]
        public async Task A_503_is_retried_and_creates_one_job()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Status(503), EmulatorFault.Status(503));

            await _harness.Client.SubmitAsync(Job());

            Assert.Equal(3, _harness.Emulator.Stats.CreateRequests);
            Assert.Equal(1, _harness.Emulator.Stats.JobsCreated);
        }

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(504)]
        public async Task A_server_error_after_the_body_was_sent_is_an_unknown_outcome_and_is_not_repeated(int status)
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Status(status, processFirst: true));

            var error = await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() => _harness.Client.SubmitAsync(Job()));

            Assert.Equal(1, _harness.Emulator.Stats.CreateRequests);
            Assert.Equal(ShortApiErrorReason.CreateOutcomeUnknown, error.Reason);
            Assert.Contains($"HTTP {status}", error.Message);
            Assert.Contains("may have been charged", error.Message);
            Assert.Equal("vidu/vidu-q3/image-to-video", error.Model);
            Assert.Equal("https://img.example/a.png", error.InputSource);
            Assert.Contains(error.Arguments, p => p.Key == "mode" && (string?)p.Value == "pro");
        }

        [Fact]
        public async Task A_connection_dropped_after_the_body_was_sent_is_an_unknown_outcome()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.DropConnection(processFirst: true));

            await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() => _harness.Client.SubmitAsync(Job()));

            Assert.Equal(1, _harness.Emulator.Stats.CreateRequests);
            Assert.Equal(1, _harness.Emulator.Stats.JobsCreated);
        }

        [Fact]
        public async Task A_create_that_times_out_is_an_unknown_outcome()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Stall(TimeSpan.FromSeconds(5)));

            var error = await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() => _harness.Client.SubmitAsync(Job()));

            Assert.Contains("no answer came within 2 s", error.Message);
            Assert.Equal(1, _harness.Emulator.Stats.CreateRequests);
        }

        [Fact]
        public async Task An_unreadable_success_answer_is_an_unknown_outcome()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Garbage(processFirst: true));

            await Assert.ThrowsAsync<CreateOutcomeUnknownException>(() => _harness.Client.SubmitAsync(Job()));

            Assert.Equal(1, _harness.Emulator.Stats.CreateRequests);
        }

        [Fact]
        public async Task A_refused_key_is_not_retried()
        {
            using var wrongKey = new EmulatorHarness(configureClient: o => o.ApiKey = ShortApi.Transport.ApiKey.FromPlainText("sk-wrong"));

            var error = await Assert.ThrowsAsync<ApiErrorException>(() => wrongKey.Client.SubmitAsync(
                wrongKey.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") })));

            Assert.Equal(ShortApiErrorReason.AuthenticationFailed, error.Reason);
            Assert.Equal(1, wrongKey.Emulator.Stats.Unauthorized);
        }

        [Fact]
        public async Task An_empty_balance_is_a_quota_error_and_is_not_retried()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Status(402));

            var error = await Assert.ThrowsAsync<ApiErrorException>(() => _harness.Client.SubmitAsync(Job()));

            Assert.Equal(ShortApiErrorReason.QuotaExceeded, error.Reason);
            Assert.Equal(1, _harness.Emulator.Stats.CreateRequests);
        }

        [Fact]
        public async Task A_429_that_says_the_balance_is_insufficient_is_a_quota_error_not_a_rate_limit()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.EnvelopeError(429, "insufficient balance"));

            var error = await Assert.ThrowsAsync<ApiErrorException>(() => _harness.Client.SubmitAsync(Job()));

            Assert.Equal(ShortApiErrorReason.QuotaExceeded, error.Reason);
            Assert.Equal(1, _harness.Emulator.Stats.CreateRequests);
        }

        [Fact]
        public async Task A_non_zero_envelope_code_is_an_api_error_carrying_the_message()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.EnvelopeError(10003, "prompt contains forbidden words"));

            var error = await Assert.ThrowsAsync<ApiErrorException>(() => _harness.Client.SubmitAsync(Job()));

            Assert.Equal(ShortApiErrorReason.ApiError, error.Reason);
            Assert.Equal(10003, error.ApiCode);
            Assert.Contains("prompt contains forbidden words", error.Message);
            Assert.Equal(1, _harness.Emulator.Stats.CreateRequests);
        }

        [Fact]
        public async Task Rate_limits_that_outlast_the_retries_fail_as_rate_limited_without_creating_anything()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, Enumerable.Repeat(EmulatorFault.Status(429, TimeSpan.FromSeconds(1)), 10).ToArray());

            var error = await Assert.ThrowsAsync<ApiErrorException>(() => _harness.Client.SubmitAsync(Job()));

            Assert.Equal(ShortApiErrorReason.RateLimited, error.Reason);
            Assert.Equal(_harness.Options.Retry.MaxAttempts, _harness.Emulator.Stats.CreateRequests);
            Assert.Equal(0, _harness.Emulator.Stats.JobsCreated);
        }

        [Fact]
        public async Task A_server_that_cannot_be_reached_is_retried_and_reported_as_a_connection_failure_not_an_unknown_outcome()
        {
            var port = _harness.Emulator.Port;
            _harness.Emulator.Stop();
            var client = new ShortApiClient(new ShortApiClientOptions
            {
                Endpoint = $"http://127.0.0.1:{port}/",
                ApiKey = ShortApi.Transport.ApiKey.FromPlainText(EmulatorHarness.Key),
                Clock = _clock,
                Retry = new ShortApi.Transport.RetryPolicy { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1) },
            });

            var error = await Assert.ThrowsAsync<ShortApiException>(() => client.SubmitAsync(client.Prepare(
                new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") })));

            Assert.IsNotType<CreateOutcomeUnknownException>(error);
            Assert.Contains("Could not connect", error.Message);
        }

        [Fact]
        public async Task A_bad_input_that_says_insufficient_is_an_api_error_for_that_input_not_an_empty_account()
        {
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Status(400));
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.EnvelopeError(400, "insufficient image resolution"));

            await Assert.ThrowsAsync<ApiErrorException>(() => _harness.Client.SubmitAsync(Job()));
            var error = await Assert.ThrowsAsync<ApiErrorException>(() => _harness.Client.SubmitAsync(Job()));

            Assert.Equal(ShortApiErrorReason.ApiError, error.Reason);
        }
    }
}
