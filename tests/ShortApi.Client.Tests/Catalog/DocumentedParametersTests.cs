using System.Linq;
using ShortApi.Catalog;
using Xunit;

namespace ShortApi.Client.Tests.Catalog
{
    /// <summary>The catalog against the model pages, parameter by parameter: name, type, required, default, allowed values.</summary>
    public class DocumentedParametersTests
    {
        private static ParameterDefinition Parameter(string model, string name) =>
            ModelCatalog.BuiltIn.Resolve(model).Definition!.FindParameter(name)!;

        [Theory]
        [InlineData("poppy-v1.0", "prompt,image,aspect_ratio")]
        [InlineData("happyhorse-1.0", "prompt,image,resolution,duration")]
        [InlineData("pixverse-5.5", "prompt,image,resolution,duration,aspect_ratio,generate_audio,multi_shot")]
        [InlineData("kling-o1", "mode,action,prompt,duration,images,elements,aspect_ratio")]
        [InlineData("vidu-q3", "mode,prompt,duration,image,resolution")]
        public void Each_model_has_the_parameters_its_page_documents(string model, string names)
        {
            Assert.Equal(names.Split(','), ModelCatalog.BuiltIn.Resolve(model).Definition!.Parameters.Select(p => p.Name));
        }

        [Theory]
        [InlineData("poppy-v1.0", "prompt,image")]
        [InlineData("happyhorse-1.0", "prompt,image")]
        [InlineData("pixverse-5.5", "prompt,image")]
        [InlineData("kling-o1", "mode,action,prompt,images")]
        [InlineData("vidu-q3", "mode,prompt,image")]
        public void The_required_parameters_are_those_the_page_marks_required(string model, string names)
        {
            Assert.Equal(names.Split(','), ModelCatalog.BuiltIn.Resolve(model).Definition!.Parameters.Where(p => p.Required).Select(p => p.Name));
        }

        [Fact]
        public void Happyhorse_duration_is_an_integer_from_3_to_15_defaulting_to_5()
        {
            var duration = Parameter("happyhorse-1.0", "duration");
            Assert.Equal(ParameterType.Integer, duration.Type);
            Assert.Equal(5L, duration.Default);
            Assert.Equal(3m, duration.Minimum);
            Assert.Equal(15m, duration.Maximum);
        }

        [Theory]
        [InlineData("pixverse-5.5")]
        [InlineData("kling-o1")]
        [InlineData("vidu-q3")]
        public void Other_durations_are_strings_defaulting_to_5(string model)
        {
            var duration = Parameter(model, "duration");
            Assert.Equal(ParameterType.String, duration.Type);
            Assert.Equal("5", duration.Default);
        }

        [Theory]
        [InlineData("happyhorse-1.0", "resolution", "1080P")]
        [InlineData("pixverse-5.5", "resolution", "720p")]
        [InlineData("vidu-q3", "resolution", "720p")]
        [InlineData("pixverse-5.5", "aspect_ratio", "16:9")]
        [InlineData("poppy-v1.0", "aspect_ratio", "16:9")]
        [InlineData("kling-o1", "aspect_ratio", "16:9")]
        [InlineData("kling-o1", "mode", "pro")]
        [InlineData("kling-o1", "action", "frame")]
        [InlineData("vidu-q3", "mode", "pro")]
        public void String_defaults_match_the_pages(string model, string parameter, string expected)
        {
            Assert.Equal(expected, Parameter(model, parameter).Default);
        }

        [Theory]
        [InlineData("generate_audio")]
        [InlineData("multi_shot")]
        public void Pixverse_switches_are_booleans_defaulting_to_false(string name)
        {
            var parameter = Parameter("pixverse-5.5", name);
            Assert.Equal(ParameterType.Boolean, parameter.Type);
            Assert.Equal(false, parameter.Default);
        }

        [Fact]
        public void Vidu_duration_ranges_from_1_to_16()
        {
            var duration = Parameter("vidu-q3", "duration");
            Assert.Equal(1m, duration.Minimum);
            Assert.Equal(16m, duration.Maximum);
        }

        [Fact]
        public void Happyhorse_takes_its_image_only_as_a_url_with_the_documented_limits()
        {
            var image = Parameter("happyhorse-1.0", "image");
            Assert.Equal(ParameterType.ImageUrl, image.Type);
            Assert.Equal(300, image.Limits!.MinWidth);
            Assert.Equal(300, image.Limits.MinHeight);
            Assert.Equal(0.4, image.Limits.MinAspectRatio);
            Assert.Equal(2.5, image.Limits.MaxAspectRatio);
            Assert.Equal(10L * 1024 * 1024, image.Limits.MaxBytes);
        }

        [Fact]
        public void Kling_elements_need_a_frontal_image_url_and_may_have_reference_urls()
        {
            var element = Parameter("kling-o1", "elements").Items!;
            Assert.Equal(ParameterType.Object, element.Type);
            var frontal = element.Properties.Single(p => p.Name == "frontal_image_url");
            Assert.True(frontal.Required);
            Assert.Equal(ParameterType.ImageUrl, frontal.Type);
            Assert.Equal(ParameterType.List, element.Properties.Single(p => p.Name == "reference_image_urls").Type);
        }
    }
}
