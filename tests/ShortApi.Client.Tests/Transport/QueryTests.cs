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
    public class QueryTests : IDisposable
    {
        private readonly RecordingClock _clock = new RecordingClock();
        private readonly EmulatorHarness _harness;

        public QueryTests()
        {
            _harness = new EmulatorHarness(clock: _clock, configureEmulator: o => o.JobDuration = TimeSpan.FromMinutes(10));
        }

        public void Dispose() => _harness.Dispose();

        private Task<VideoJob> Submit() =>
            _harness.Client.SubmitAsync(_harness.Client.Prepare(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") }));

        [Fact]
        public async Task A_query_rate_limited_with_retry_after_waits_that_long_then_succeeds()
        {
            var job = await Submit();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.Status(429, TimeSpan.FromSeconds(4)));

            var state = await _harness.Client.QueryAsync(job.JobId);

            Assert.NotEqual(JobStatus.Unknown, state.Status);
            Assert.Contains(_clock.Delays, d => d >= TimeSpan.FromSeconds(4));
        }

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        public async Task A_query_server_error_is_retried(int status)
        {
            var job = await Submit();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.Status(status), EmulatorFault.Status(status));

            var state = await _harness.Client.QueryAsync(job.JobId);

            Assert.Equal(job.JobId, state.JobId);
            Assert.Equal(3, _harness.Emulator.Stats.QueryRequests);
        }

        [Fact]
        public async Task A_dropped_query_connection_is_retried()
        {
            var job = await Submit();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.DropConnection());

            var state = await _harness.Client.QueryAsync(job.JobId);

            Assert.Equal(job.JobId, state.JobId);
        }

        [Fact]
        public async Task Backoff_grows_between_retries()
        {
            var job = await Submit();
            _harness.Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.Status(500), EmulatorFault.Status(500), EmulatorFault.Status(500));

            await _harness.Client.QueryAsync(job.JobId);

            var delays = _clock.Delays.ToList();
            Assert.Equal(3, delays.Count);
            Assert.True(delays[2] > delays[0], $"expected growing backoff, got {string.Join(", ", delays)}");
        }

        [Fact]
        public async Task An_unknown_job_id_is_an_api_error_naming_the_job()
        {
            var error = await Assert.ThrowsAsync<ApiErrorException>(() => _harness.Client.QueryAsync("job_nope"));

            Assert.Equal(404, error.HttpStatus);
            Assert.Contains("job_nope", error.Message);
            Assert.Equal(1, _harness.Emulator.Stats.QueryRequests);
        }
    }
}
