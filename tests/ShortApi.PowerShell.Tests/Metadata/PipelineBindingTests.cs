using System.Linq;
using System.Management.Automation;
using Xunit;
using static ShortApi.PowerShell.Tests.Metadata.CmdletMetadata;

namespace ShortApi.PowerShell.Tests.Metadata
{
    /// <summary>What flows in from the pipeline: files, URL strings, CSV rows, job objects and ids.</summary>
    public class PipelineBindingTests
    {
        private static bool ByValue(string cmdlet, string parameter) =>
            Attributes(Parameter(CmdletType(cmdlet), parameter), typeof(ParameterAttribute)).Any(a => Named<bool>(a, "ValueFromPipeline"));

        private static bool ByPropertyName(string cmdlet, string parameter) =>
            Attributes(Parameter(CmdletType(cmdlet), parameter), typeof(ParameterAttribute)).Any(a => Named<bool>(a, "ValueFromPipelineByPropertyName"));

        [Fact]
        public void Images_bind_from_strings_and_from_files_by_full_name_or_ps_path()
        {
            var image = Parameter(CmdletType("New-ShortApiVideoJob"), "Image");

            Assert.True(ByValue("New-ShortApiVideoJob", "Image"));
            Assert.True(ByPropertyName("New-ShortApiVideoJob", "Image"));
            Assert.Contains("FullName", Aliases(image));
            Assert.Contains("PSPath", Aliases(image));
        }

        [Theory]
        [InlineData("Prompt")]
        [InlineData("Image")]
        [InlineData("Model")]
        [InlineData("Resolution")]
        [InlineData("Duration")]
        [InlineData("AspectRatio")]
        public void Csv_columns_bind_by_property_name(string parameter)
        {
            Assert.True(ByPropertyName("New-ShortApiVideoJob", parameter));
        }

        [Fact]
        public void Mode_does_not_bind_by_property_name_because_files_carry_a_mode_property()
        {
            Assert.False(ByPropertyName("New-ShortApiVideoJob", "Mode"));
        }

        [Theory]
        [InlineData("GenerateAudio")]
        [InlineData("MultiShot")]
        public void Switches_do_not_bind_from_csv_where_the_text_false_would_read_as_true(string parameter)
        {
            Assert.False(ByPropertyName("New-ShortApiVideoJob", parameter));
        }

        [Fact]
        public void Get_takes_job_ids_by_value_and_from_job_objects_by_property_name()
        {
            Assert.True(ByValue("Get-ShortApiJob", "JobId"));
            Assert.True(ByPropertyName("Get-ShortApiJob", "JobId"));
        }

        [Fact]
        public void Wait_takes_job_objects_and_job_ids_from_the_pipeline()
        {
            Assert.True(ByValue("Wait-ShortApiJob", "Job"));
            Assert.True(ByValue("Wait-ShortApiJob", "JobId"));
            Assert.Equal(typeof(VideoJob[]), Parameter(CmdletType("Wait-ShortApiJob"), "Job").PropertyType);
        }

        [Fact]
        public void Save_takes_job_objects_from_the_pipeline()
        {
            Assert.True(ByValue("Save-ShortApiJobOutput", "Job"));
        }

        [Fact]
        public void Timeouts_and_intervals_are_numbers_of_seconds_not_timespans()
        {
            // A [TimeSpan] parameter reads "-Timeout 30" as 30 ticks: a classic trap.
            Assert.Equal(typeof(int?), Parameter(CmdletType("Wait-ShortApiJob"), "Timeout").PropertyType);
            Assert.Equal(typeof(double?), Parameter(CmdletType("Wait-ShortApiJob"), "PollInterval").PropertyType);
        }
    }
}
