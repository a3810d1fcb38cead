using System;
using ShortApi.Catalog;
using Xunit;

namespace ShortApi.Client.Tests.Catalog
{
    /// <summary>A model as tables, lists and scripts show it.</summary>
    public class ModelDefinitionTests
    {
        [Fact]
        public void A_model_is_named_by_its_short_name()
        {
            Assert.Equal("vidu-q3", ModelCatalog.BuiltIn.Find("vidu/vidu-q3/image-to-video")!.Name);
        }

        [Fact]
        public void A_model_without_a_short_name_is_named_by_its_id()
        {
            var model = new ModelDefinition("owner/model/image-to-video", null, null, Array.Empty<ParameterDefinition>(), null, null);

            Assert.Equal("owner/model/image-to-video", model.Name);
        }

        [Fact]
        public void Image_limits_and_text_lengths_read_as_words()
        {
            var happyhorse = ModelCatalog.BuiltIn.Find("happyhorse-1.0")!;

            Assert.Equal("JPEG, PNG, WEBP, at least 300x300 pixels, at most 16384x16384 pixels, aspect ratio 1:2.5 to 2.5:1, at most 10 MB", happyhorse.FindParameter("image")!.Limits!.ToString());
            Assert.Equal("at most 5000 characters, a Chinese character counting as 2", happyhorse.FindParameter("prompt")!.Length!.ToString());
        }
    }
}
