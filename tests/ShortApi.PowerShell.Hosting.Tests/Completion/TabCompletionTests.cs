using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Completion
{
    /// <summary>What Tab offers at a prompt (CommandCompletion.CompleteInput): model names, and per model only its allowed values.</summary>
    public sealed class TabCompletionTests : ModuleTest
    {
        [Fact]
        public void Model_completes_to_the_catalogs_short_names_and_ids_matching_what_was_typed()
        {
            Assert.Equal(new[] { "vidu-q3", "vidu/vidu-q3/image-to-video" }, Session.Complete("New-ShortApiVideoJob -Model vid"));
        }

        [Fact]
        public void Get_ShortApiModel_names_complete_from_the_catalog()
        {
            Assert.Equal(new[] { "kling-o1", "kwaivgi/kling-o1/image-to-video" }, Session.Complete("Get-ShortApiModel k"));
        }

        [Theory]
        [InlineData("pixverse-5.5", "-Resolution", new[] { "540p", "720p", "1080p" })]
        [InlineData("happyhorse-1.0", "-Resolution", new[] { "720P", "1080P" })]
        [InlineData("pixverse-5.5", "-Duration", new[] { "5", "8", "10" })]
        [InlineData("pixverse-5.5", "-AspectRatio", new[] { "16:9", "9:16", "4:3", "3:4", "1:1" })]
        [InlineData("kling-o1", "-AspectRatio", new[] { "16:9", "9:16", "1:1" })]
        [InlineData("vidu-q3", "-Mode", new[] { "pro", "turbo" })]
        [InlineData("kling-o1", "-Mode", new[] { "std", "pro" })]
        [InlineData("kling-o1", "-Action", new[] { "frame", "refer" })]
        public void A_model_parameter_offers_the_values_that_model_allows(string model, string parameter, string[] expected)
        {
            Assert.Equal(expected, Session.Complete($"New-ShortApiVideoJob -Model {model} -Prompt 'a slow pan' {parameter} "));
        }

        [Fact]
        public void Values_complete_from_what_was_typed()
        {
            Assert.Equal(new[] { "720p" }, Session.Complete("New-ShortApiVideoJob -Model pixverse-5.5 -Resolution 7"));
        }
    }
}
