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
    }
}
