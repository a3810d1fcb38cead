using System;
using System.Management.Automation;
using ShortApi.Errors;
using ShortApi.PowerShell.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Tests.Metadata
{
    public class ErrorMappingTests
    {
        public static TheoryData<ShortApiErrorReason> Reasons()
        {
            var data = new TheoryData<ShortApiErrorReason>();
            foreach (ShortApiErrorReason reason in Enum.GetValues(typeof(ShortApiErrorReason)))
            {
                data.Add(reason);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Reasons))]
        public void Every_reason_has_a_stable_error_id_and_a_specific_category(ShortApiErrorReason reason)
        {
            Assert.Equal("ShortApi." + reason, ErrorMapping.ErrorId(reason));
            Assert.NotEqual(ErrorCategory.NotSpecified, ErrorMapping.Category(reason));
        }

        [Theory]
        [InlineData(ShortApiErrorReason.ImageNotFound, ErrorCategory.ObjectNotFound)]
        [InlineData(ShortApiErrorReason.InvalidArgument, ErrorCategory.InvalidArgument)]
        [InlineData(ShortApiErrorReason.AuthenticationFailed, ErrorCategory.AuthenticationError)]
        [InlineData(ShortApiErrorReason.Timeout, ErrorCategory.OperationTimeout)]
        [InlineData(ShortApiErrorReason.QuotaExceeded, ErrorCategory.QuotaExceeded)]
        public void Categories_say_what_kind_of_failure_it_is(ShortApiErrorReason reason, ErrorCategory expected)
        {
            Assert.Equal(expected, ErrorMapping.Category(reason));
        }

        [Fact]
        public void The_missing_key_advice_names_every_way_to_set_a_key()
        {
            string advice = ErrorMapping.RecommendedAction(ShortApiErrorReason.MissingApiKey)!;

            Assert.Contains("-ApiKey", advice);
            Assert.Contains("Connect-ShortApi", advice);
            Assert.Contains("$env:SHORTAPI_KEY", advice);
        }

        [Fact]
        public void The_timeout_advice_says_how_to_resume()
        {
            Assert.Contains("Wait-ShortApiJob", ErrorMapping.RecommendedAction(ShortApiErrorReason.Timeout));
        }
    }
}
