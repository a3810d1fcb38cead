using System.IO;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Errors;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Catalog
{
    public class ModelCatalogTests
    {
        [Theory]
        [InlineData("poppy-v1.0", "shortapi/poppy-v1.0/image-to-video")]
        [InlineData("happyhorse-1.0", "alibaba/happyhorse-1.0/image-to-video")]
        [InlineData("pixverse-5.5", "pixverse/pixverse-5.5/image-to-video")]
        [InlineData("kling-o1", "kwaivgi/kling-o1/image-to-video")]
        [InlineData("vidu-q3", "vidu/vidu-q3/image-to-video")]
        public void Each_model_is_found_by_short_name_and_by_full_id(string shortName, string id)
        {
            var byName = ModelCatalog.BuiltIn.Resolve(shortName);
            var byId = ModelCatalog.BuiltIn.Resolve(id);

            Assert.Equal(id, byName.Id);
            Assert.Same(byName.Definition, byId.Definition);
            Assert.Equal(shortName, byName.DisplayName);
        }

        [Fact]
        public void Names_are_matched_without_regard_to_case()
        {
            Assert.Equal("vidu/vidu-q3/image-to-video", ModelCatalog.BuiltIn.Resolve("VIDU-Q3").Id);
        }

        [Fact]
        public void The_built_in_catalog_has_exactly_the_five_documented_models()
        {
            Assert.Equal(
                new[] { "happyhorse-1.0", "kling-o1", "pixverse-5.5", "poppy-v1.0", "vidu-q3" },
                ModelCatalog.BuiltIn.Models.Select(m => m.ShortName).OrderBy(n => n));
        }

        [Fact]
        public void An_unknown_full_id_passes_through_uncataloged()
        {
            var model = ModelCatalog.BuiltIn.Resolve("acme/rocket-2/image-to-video");

            Assert.False(model.IsCataloged);
            Assert.Equal("acme/rocket-2/image-to-video", model.Id);
        }

        [Fact]
        public void An_unknown_short_name_is_an_error_that_lists_the_known_models()
        {
            var error = Assert.Throws<ShortApiException>(() => ModelCatalog.BuiltIn.Resolve("vidu-q4"));

            Assert.Equal(ShortApiErrorReason.UnknownModel, error.Reason);
            Assert.Contains("vidu-q4", error.Message);
            Assert.Contains("vidu-q3", error.Message);
            Assert.Contains("full id", error.Message);
        }

        [Fact]
        public void A_user_catalog_adds_a_sixth_model_in_a_few_lines_of_data()
        {
            using var temp = new TempDirectory();
            string file = temp.Combine("extra.json");
            File.WriteAllText(file, """
                { "models": [ {
                    "id": "acme/rocket-2/image-to-video", "shortName": "rocket-2",
                    "parameters": [
                      { "name": "prompt", "type": "string", "required": true },
                      { "name": "image", "type": "image", "required": true },
                      { "name": "fps", "type": "integer", "default": 24, "options": [24, 30] }
                    ],
                    "pricing": { "rates": [ { "perRequest": 0.25 } ] }
                } ] }
                """);

            var catalog = ModelCatalog.Load(new[] { file });

            Assert.Equal(6, catalog.Models.Count);
            var rocket = catalog.Resolve("rocket-2").Definition!;
            Assert.Equal(new object[] { 24L, 30L }, rocket.FindParameter("fps")!.Options);
        }

        [Fact]
        public void A_user_catalog_entry_with_a_known_short_name_replaces_the_built_in_model()
        {
            using var temp = new TempDirectory();
            string file = temp.Combine("override.json");
            File.WriteAllText(file, """
                { "models": [ {
                    "id": "vidu/vidu-q3/image-to-video", "shortName": "vidu-q3",
                    "parameters": [ { "name": "prompt", "type": "string", "required": true }, { "name": "image", "type": "image", "required": true } ]
                } ] }
                """);

            var catalog = ModelCatalog.Load(new[] { file });

            Assert.Equal(5, catalog.Models.Count);
            Assert.Null(catalog.Resolve("vidu-q3").Definition!.FindParameter("mode"));
        }

        [Fact]
        public void A_malformed_catalog_file_is_refused_with_the_place_of_the_mistake()
        {
            using var temp = new TempDirectory();
            string file = temp.Combine("broken.json");
            File.WriteAllText(file, """
                { "models": [ { "id": "acme/x/image-to-video", "parameters": [ { "name": "fps", "type": "integr" } ] } ] }
                """);

            var error = Assert.Throws<ShortApiException>(() => ModelCatalog.Load(new[] { file }));

            Assert.Equal(ShortApiErrorReason.CatalogInvalid, error.Reason);
            Assert.Contains("fps", error.Message);
            Assert.Contains("integr", error.Message);
            Assert.Contains(file, error.Message);
        }

        [Fact]
        public void A_rule_that_names_an_undefined_parameter_is_refused()
        {
            using var temp = new TempDirectory();
            string file = temp.Combine("rule.json");
            File.WriteAllText(file, """
                { "models": [ { "id": "acme/x/image-to-video",
                    "parameters": [ { "name": "prompt", "type": "string" } ],
                    "rules": [ { "kind": "forbid", "when": { "resolutoin": "1080p" }, "parameter": "prompt", "values": ["x"], "message": "m" } ] } ] }
                """);

            var error = Assert.Throws<ShortApiException>(() => ModelCatalog.Load(new[] { file }));

            Assert.Contains("resolutoin", error.Message);
        }

        [Theory]
        [InlineData("pixverse-5.5", "resolution", new[] { "540p", "720p", "1080p" })]
        [InlineData("happyhorse-1.0", "resolution", new[] { "720P", "1080P" })]
        [InlineData("pixverse-5.5", "duration", new[] { "5", "8", "10" })]
        [InlineData("kling-o1", "duration", new[] { "3", "4", "5", "6", "7", "8", "9", "10" })]
        [InlineData("kling-o1", "action", new[] { "frame", "refer" })]
        [InlineData("vidu-q3", "mode", new[] { "pro", "turbo" })]
        [InlineData("poppy-v1.0", "aspect_ratio", new[] { "1:1", "3:2", "2:3", "16:9", "9:16", "4:3" })]
        public void Completion_offers_exactly_the_values_the_chosen_model_allows(string model, string parameter, string[] expected)
        {
            Assert.Equal(expected, ModelCatalog.BuiltIn.CompletionValues(model, parameter));
        }

        [Fact]
        public void Completion_offers_nothing_for_a_parameter_the_model_lacks()
        {
            Assert.Empty(ModelCatalog.BuiltIn.CompletionValues("poppy-v1.0", "resolution"));
        }
    }
}
