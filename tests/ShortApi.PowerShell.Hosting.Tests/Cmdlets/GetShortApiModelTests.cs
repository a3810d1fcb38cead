using System;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Cmdlets
{
    /// <summary>Get-ShortApiModel: the catalog as objects, by short name, id or wildcard; no key or emulator needed.</summary>
    public sealed class GetShortApiModelTests : ModuleTest
    {
        [Fact]
        public void Without_a_name_every_model_of_the_catalog_comes_out()
        {
            var result = Session.Run("Get-ShortApiModel").AssertClean();

            Assert.Equal(
                new[] { "happyhorse-1.0", "kling-o1", "pixverse-5.5", "poppy-v1.0", "vidu-q3" },
                result.All<ModelDefinition>().Select(m => m.ShortName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Contains(typeof(ModelDefinition), DeclaredOutputTypes("Get-ShortApiModel"));
        }

        [Fact]
        public void A_short_name_gives_that_model_with_its_parameters_and_allowed_values()
        {
            var result = Session.Run("Get-ShortApiModel pixverse-5.5").AssertClean();

            var model = Assert.Single(result.All<ModelDefinition>());
            Assert.Equal("pixverse/pixverse-5.5/image-to-video", model.Id);
            var resolution = model.FindParameter("resolution");
            Assert.NotNull(resolution);
            Assert.Equal(new[] { "540p", "720p", "1080p" }, resolution!.Options.Select(o => o?.ToString()));
        }

        [Fact]
        public void Wildcards_and_full_ids_from_the_pipeline_select_models()
        {
            var result = Session.Run("'k*', 'vidu/vidu-q3/image-to-video' | Get-ShortApiModel").AssertClean();

            Assert.Equal(new[] { "kling-o1", "vidu-q3" }, result.All<ModelDefinition>().Select(m => m.ShortName));
        }
    }
}
