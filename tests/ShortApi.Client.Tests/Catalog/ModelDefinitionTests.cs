using System;
using ShortApi.Catalog;
using Xunit;

namespace ShortApi.Client.Tests.Catalog
{
    /// <summary>A model as tables and scripts name it.</summary>
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
    }
}
