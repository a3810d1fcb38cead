using System;
using System.Text;
using System.Text.Json;
using ShortApi.Transport;
using Xunit;

namespace ShortApi.Client.Tests.Transport
{
    /// <summary>The envelope and job payloads as ShortAPI sends them, and the shapes it must not be fooled by.</summary>
    public class ApiResponseReaderTests
    {
        private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

        [Theory]
        [InlineData(0, JobStatus.Queued)]
        [InlineData(1, JobStatus.Processing)]
        [InlineData(3, JobStatus.Failed)]
        [InlineData(4, JobStatus.Failed)]
        [InlineData(17, JobStatus.Failed)]
        [InlineData(-1, JobStatus.Unknown)]
        public void Status_numbers_map_to_states(int code, JobStatus expected)
        {
            var state = ApiResponseReader.ReadState("j1", Parse("{\"code\":0,\"data\":{\"status\":" + code + "}}"), DateTimeOffset.UtcNow, new ServiceText(null));

            Assert.Equal(expected, state.Status);
            Assert.Equal(code, state.StatusCode);
        }

        [Fact]
        public void A_success_carries_its_output_urls()
        {
            var state = ApiResponseReader.ReadState("j1", Parse("""{"code":0,"data":{"status":2,"result":{"images":[{"url":"https://cdn.example/v.mp4"}]}}}"""), DateTimeOffset.UtcNow, new ServiceText(null));

            Assert.Equal(JobStatus.Succeeded, state.Status);
            Assert.Equal(new[] { "https://cdn.example/v.mp4" }, state.OutputUrls);
        }

        [Fact]
        public void A_success_without_any_output_is_unknown_not_success()
        {
            var state = ApiResponseReader.ReadState("j1", Parse("""{"code":0,"data":{"status":2}}"""), DateTimeOffset.UtcNow, new ServiceText(null));

            Assert.Equal(JobStatus.Unknown, state.Status);
            Assert.Contains("no output", state.Error);
        }

        [Fact]
        public void A_missing_status_is_unknown_not_success()
        {
            var state = ApiResponseReader.ReadState("j1", Parse("""{"code":0,"data":{"result":{"images":[{"url":"https://cdn.example/v.mp4"}]}}}"""), DateTimeOffset.UtcNow, new ServiceText(null));

            Assert.Equal(JobStatus.Unknown, state.Status);
        }

        [Fact]
        public void A_failed_job_may_be_refunded_and_carries_its_reason()
        {
            var state = ApiResponseReader.ReadState("j1", Parse("""{"code":0,"data":{"status":3,"refunded":true,"error":"content policy"}}"""), DateTimeOffset.UtcNow, new ServiceText(null));

            Assert.Equal(JobStatus.Failed, state.Status);
            Assert.True(state.Refunded);
            Assert.Equal("content policy", state.Error);
        }

        [Theory]
        [InlineData("""{"code":1001,"msg":"bad model"}""", "bad model")]
        [InlineData("""{"code":1001,"message":"bad model"}""", "bad model")]
        public void The_envelope_message_is_read_from_msg_or_message(string json, string expected)
        {
            Assert.Equal(1001, ApiResponseReader.Code(Parse(json)));
            Assert.Equal(expected, ApiResponseReader.Message(Parse(json)));
        }

        [Fact]
        public void The_create_payload_gives_job_id_and_amount_from_data()
        {
            var created = ApiResponseReader.ReadCreated(Parse("""{"code":0,"data":{"amount":"0.60","job_id":"abc"}}"""));

            Assert.Equal("abc", created!.JobId);
            Assert.Equal(0.60m, created.Amount);
        }

        [Fact]
        public void A_job_id_at_the_top_level_only_is_not_taken_for_a_created_job()
        {
            // The pages' JavaScript and Python samples read job_id from the top; the documented envelope nests it in data.
            Assert.Null(ApiResponseReader.ReadCreated(Parse("""{"code":0,"job_id":"abc","data":{}}""")));
        }

        [Fact]
        public void A_body_that_is_not_json_is_recognised_as_such()
        {
            Assert.Null(ApiResponseReader.TryParse(Encoding.UTF8.GetBytes("<html>502</html>")));
        }
    }
}
