using ShortApi.Errors;
using ShortApi.Failures;
using Xunit;

namespace ShortApi.Client.Tests.Failures
{
    /// <summary>
    /// The one answer to "retry, give up, or stop everything?". The money rule is here: a create
    /// that went out in full without a clear answer is never repeated.
    /// </summary>
    public class FailurePolicyTests
    {
        private static ShortApiException Answered(int status, ShortApiErrorReason reason = ShortApiErrorReason.ApiError) =>
            new ApiErrorException(reason, "answered " + status, status, status, null);

        private static ShortApiException Envelope(int code) =>
            new ApiErrorException(ShortApiErrorReason.ApiError, "envelope " + code, 200, code, null);

        private static ShortApiException Failure(FailureKind kind, ShortApiErrorReason reason = ShortApiErrorReason.ApiError) =>
            new ShortApiException(reason, kind.ToString()) { Kind = kind };

        [Theory]
        [InlineData(FailureKind.NoAnswer, ShortApiErrorReason.ApiError)]
        [InlineData(FailureKind.NoAnswer, ShortApiErrorReason.Timeout)]
        [InlineData(FailureKind.NoAnswer, ShortApiErrorReason.UnexpectedResponse)]
        public void The_money_rule_a_create_sent_in_full_without_a_clear_answer_is_never_repeated(FailureKind kind, ShortApiErrorReason reason)
        {
            Assert.Equal(FailureVerdict.OutcomeUnknown, FailurePolicy.Judge(ApiOperation.Create, Failure(kind, reason), requestSentInFull: true));
        }

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(504)]
        public void The_money_rule_a_server_failure_after_the_create_went_out_is_an_unknown_outcome(int status)
        {
            Assert.Equal(FailureVerdict.OutcomeUnknown, FailurePolicy.Judge(ApiOperation.Create, Answered(status), requestSentInFull: true));
        }

        [Fact]
        public void The_money_rule_an_envelope_code_that_reads_as_a_server_failure_is_an_unknown_outcome_too()
        {
            Assert.Equal(FailureVerdict.OutcomeUnknown, FailurePolicy.Judge(ApiOperation.Create, Envelope(500), requestSentInFull: true));
        }

        [Fact]
        public void A_create_that_lost_its_connection_before_the_request_was_complete_is_retried()
        {
            Assert.Equal(FailureVerdict.Retry, FailurePolicy.Judge(ApiOperation.Create, Failure(FailureKind.NoAnswer), requestSentInFull: false));
        }

        [Fact]
        public void A_create_whose_connection_never_opened_is_retried()
        {
            Assert.Equal(FailureVerdict.Retry, FailurePolicy.Judge(ApiOperation.Create, Failure(FailureKind.NotConnected), requestSentInFull: false));
        }

        [Theory]
        [InlineData(429)]
        [InlineData(503)]
        [InlineData(408)]
        public void A_create_the_service_says_it_did_not_take_is_retried_even_after_it_went_out_in_full(int status)
        {
            var reason = status == 429 ? ShortApiErrorReason.RateLimited : ShortApiErrorReason.ApiError;

            Assert.Equal(FailureVerdict.Retry, FailurePolicy.Judge(ApiOperation.Create, Answered(status, reason), requestSentInFull: true));
        }

        [Theory]
        [InlineData(400)]
        [InlineData(404)]
        [InlineData(422)]
        public void A_create_refused_with_a_clear_answer_gives_up_on_that_input(int status)
        {
            Assert.Equal(FailureVerdict.GiveUp, FailurePolicy.Judge(ApiOperation.Create, Answered(status), requestSentInFull: true));
        }

        [Fact]
        public void A_create_refused_in_its_envelope_gives_up_on_that_input()
        {
            Assert.Equal(FailureVerdict.GiveUp, FailurePolicy.Judge(ApiOperation.Create, Envelope(10003), requestSentInFull: true));
        }

        [Theory]
        [InlineData(ApiOperation.Create)]
        [InlineData(ApiOperation.Query)]
        [InlineData(ApiOperation.Download)]
        public void A_refused_key_stops_everything(ApiOperation operation)
        {
            Assert.Equal(FailureVerdict.StopEverything, FailurePolicy.Judge(operation, Answered(401, ShortApiErrorReason.AuthenticationFailed)));
        }

        [Theory]
        [InlineData(ApiOperation.Create)]
        [InlineData(ApiOperation.Query)]
        [InlineData(ApiOperation.Download)]
        public void A_proxy_that_refuses_its_sign_in_stops_everything_even_after_a_whole_create(ApiOperation operation)
        {
            // The proxy answered, so the service never saw the create: no unknown outcome either.
            Assert.Equal(FailureVerdict.StopEverything, FailurePolicy.Judge(operation, Answered(407, ShortApiErrorReason.ProxyAuthenticationFailed), requestSentInFull: true));
        }

        [Theory]
        [InlineData(ApiOperation.Create)]
        [InlineData(ApiOperation.Query)]
        public void An_empty_balance_stops_everything_and_is_not_retried(ApiOperation operation)
        {
            Assert.Equal(FailureVerdict.StopEverything, FailurePolicy.Judge(operation, Answered(429, ShortApiErrorReason.QuotaExceeded), requestSentInFull: true));
        }

        [Theory]
        [InlineData(ApiOperation.Query)]
        [InlineData(ApiOperation.Download)]
        public void Queries_and_downloads_are_repeated_on_any_passing_trouble(ApiOperation operation)
        {
            Assert.Equal(FailureVerdict.Retry, FailurePolicy.Judge(operation, Failure(FailureKind.NoAnswer)));
            Assert.Equal(FailureVerdict.Retry, FailurePolicy.Judge(operation, Failure(FailureKind.NotConnected)));
            Assert.Equal(FailureVerdict.Retry, FailurePolicy.Judge(operation, Answered(502)));
            Assert.Equal(FailureVerdict.Retry, FailurePolicy.Judge(operation, Answered(429, ShortApiErrorReason.RateLimited)));
        }

        [Fact]
        public void A_job_the_service_does_not_know_is_given_up_not_asked_about_forever()
        {
            Assert.Equal(FailureVerdict.GiveUp, FailurePolicy.Judge(ApiOperation.Query, Answered(404, ShortApiErrorReason.JobNotFound)));
        }

        [Fact]
        public void A_download_that_cannot_be_written_to_disk_is_given_up()
        {
            Assert.Equal(FailureVerdict.GiveUp, FailurePolicy.Judge(ApiOperation.Download, Failure(FailureKind.Local, ShortApiErrorReason.DownloadFailed)));
        }

        [Fact]
        public void A_503_without_the_services_envelope_after_a_full_send_may_come_from_a_proxy_so_it_is_an_unknown_outcome()
        {
            var bare = new ApiErrorException(ShortApiErrorReason.ApiError, "503 from a proxy", 503, null, null);
            var enveloped = new ApiErrorException(ShortApiErrorReason.ApiError, "503 from the service", 503, 503, "busy");

            Assert.Equal(FailureVerdict.OutcomeUnknown, FailurePolicy.Judge(ApiOperation.Create, bare, requestSentInFull: true));
            Assert.Equal(FailureVerdict.Retry, FailurePolicy.Judge(ApiOperation.Create, enveloped, requestSentInFull: true));
            Assert.Equal(FailureVerdict.Retry, FailurePolicy.Judge(ApiOperation.Create, bare, requestSentInFull: false));
        }
    }
}
