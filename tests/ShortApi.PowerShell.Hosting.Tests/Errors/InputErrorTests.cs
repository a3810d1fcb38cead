using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Errors
{
    /// <summary>Inputs the module refuses before sending anything: one error per bad input, with the input as target; the rest go on.</summary>
    public sealed class InputErrorTests : ModuleTest
    {
        [Fact]
        public void A_missing_image_file_is_ImageNotFound_for_that_input_and_the_others_are_submitted()
        {
            StartEmulator();
            string stills = Folder.Stills();
            string missing = Path.Combine(stills, "missing.png");

            var result = Session.Run(
                "New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image $missing, $present",
                ("missing", missing),
                ("present", Path.Combine(stills, "forest.png")));

            var error = ShortApiAssert.SingleError(result, "ImageNotFound", ErrorCategory.ObjectNotFound);
            Assert.Equal(missing, error.TargetObject);
            Assert.Contains(missing, error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(Path.Combine(stills, "forest.png"), Assert.Single(result.All<VideoJob>()).Source);
            Assert.Equal(1, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void A_file_that_is_not_an_image_is_ImageRejected_naming_the_formats_allowed()
        {
            StartEmulator();
            string notAnImage = Folder["notes.png"];
            File.WriteAllText(notAnImage, "these are notes, not a picture");

            var result = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image $image", ("image", notAnImage));

            var error = ShortApiAssert.SingleError(result, "ImageRejected", ErrorCategory.InvalidData);
            Assert.Equal(notAnImage, error.TargetObject);
            Assert.Contains("PNG", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(0, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void A_combination_the_model_rejects_is_InvalidArgument_naming_model_parameter_value_and_rule()
        {
            StartEmulator();

            var result = Session.Run("New-ShortApiVideoJob -Model pixverse-5.5 -Prompt 'a slow pan' -Image https://img.example/a.png -Resolution 1080p -Duration 10");

            var error = ShortApiAssert.SingleError(result, "InvalidArgument", ErrorCategory.InvalidArgument);
            Assert.Equal("https://img.example/a.png", error.TargetObject);
            foreach (string fact in new[] { "pixverse-5.5", "duration", "10", "1080p" })
            {
                Assert.Contains(fact, error.Exception.Message, StringComparison.Ordinal);
            }

            Assert.Contains("Get-ShortApiModel", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(0, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void A_short_model_name_the_catalog_lacks_is_UnknownModel_listing_the_known_ones()
        {
            StartEmulator();

            var result = Session.Run("New-ShortApiVideoJob -Model vidu-q9 -Prompt 'a slow pan' -Image https://img.example/a.png");

            var error = ShortApiAssert.SingleError(result, "UnknownModel", ErrorCategory.InvalidArgument);
            Assert.Equal("https://img.example/a.png", error.TargetObject);
            Assert.Contains("vidu-q9", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("vidu-q3", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(0, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void Get_ShortApiModel_with_an_unknown_name_is_UnknownModel_for_that_name_and_lists_the_others()
        {
            var result = Session.Run("Get-ShortApiModel vidu-q9, vidu-q3");

            var error = ShortApiAssert.SingleError(result, "UnknownModel", ErrorCategory.InvalidArgument);
            Assert.Equal("vidu-q9", error.TargetObject);
            Assert.Equal("vidu-q3", Assert.Single(result.All<ShortApi.Catalog.ModelDefinition>()).ShortName);
        }
    }
}
