using Xunit;
using static ShortApi.PowerShell.Tests.Metadata.CmdletMetadata;

namespace ShortApi.PowerShell.Tests.Metadata
{
    /// <summary>
    /// Parameter types a pipeline depends on. What binds from files, URL strings, CSV rows, job
    /// objects and ids is checked by driving the cmdlets in the hosting tests.
    /// </summary>
    public class PipelineBindingTests
    {
        [Fact]
        public void Timeouts_and_intervals_are_numbers_of_seconds_not_timespans()
        {
            // A [TimeSpan] parameter reads "-Timeout 30" as 30 ticks: a classic trap.
            Assert.Equal(typeof(int?), Parameter(CmdletType("Wait-ShortApiJob"), "Timeout").PropertyType);
            Assert.Equal(typeof(double?), Parameter(CmdletType("Wait-ShortApiJob"), "PollInterval").PropertyType);
        }
    }
}
