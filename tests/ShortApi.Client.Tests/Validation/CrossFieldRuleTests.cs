using System.Collections;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Validation;
using Xunit;

namespace ShortApi.Client.Tests.Validation
{
    /// <summary>Every cross-field rule the model pages state, one test each.</summary>
    public class CrossFieldRuleTests
    {
        private static readonly ArgumentValidator Validator = new ArgumentValidator(ModelCatalog.BuiltIn);

        private static JobRequest Request(string model, string image = "https://img.example/a.png")
        {
            var request = new JobRequest(model) { Prompt = "a cat", Image = ImageInput.FromUrl(image) };
            return request;
        }

        private static JobRequest Kling(string action, int images, int elements = 0)
        {
            var request = new JobRequest("kling-o1") { Prompt = "a cat" };
            request.Arguments["action"] = action;
            request.Arguments["images"] = Enumerable.Range(0, images).Select(i => ImageInput.FromUrl($"https://img.example/{i}.png")).ToArray();
            if (elements > 0)
            {
                request.Arguments["elements"] = Enumerable.Range(0, elements)
                    .Select(i => new Hashtable { ["frontal_image_url"] = $"https://img.example/e{i}.png" })
                    .ToArray();
            }

            return request;
        }

        [Fact]
        public void Pixverse_refuses_1080p_for_10_seconds()
        {
            var request = Request("pixverse-5.5");
            request.Arguments["resolution"] = "1080p";
            request.Arguments["duration"] = 10;

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Contains("pixverse-5.5", error.Message);
            Assert.Contains("duration '10'", error.Message);
            Assert.Contains("1080p", error.Message);
        }

        [Theory]
        [InlineData("1080p", 8)]
        [InlineData("720p", 10)]
        public void Pixverse_allows_1080p_up_to_8_seconds_and_10_seconds_below_1080p(string resolution, int duration)
        {
            var request = Request("pixverse-5.5");
            request.Arguments["resolution"] = resolution;
            request.Arguments["duration"] = duration;

            Assert.NotNull(Validator.Validate(request));
        }

        [Fact]
        public void Kling_refuses_more_than_7_images_and_elements_together()
        {
            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(Kling("refer", 5, 3)));

            Assert.Contains("kling-o1", error.Message);
            Assert.Contains("5 images + 3 elements = 8", error.Message);
            Assert.Contains("7", error.Message);
        }

        [Fact]
        public void Kling_accepts_7_images_and_elements_together()
        {
            Assert.NotNull(Validator.Validate(Kling("refer", 4, 3)));
        }

        [Fact]
        public void Kling_frame_refuses_a_third_image_it_would_ignore()
        {
            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(Kling("frame", 3)));

            Assert.Contains("images", error.Message);
            Assert.Contains("first and last frame", error.Message);
        }

        [Theory]
        [InlineData(3)]
        [InlineData(7)]
        public void Kling_frame_from_one_image_takes_only_5_or_10_seconds(int duration)
        {
            var request = Kling("frame", 1);
            request.Arguments["duration"] = duration;

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Contains($"duration '{duration}'", error.Message);
            Assert.Contains("5, 10", error.Message);
        }

        [Fact]
        public void Kling_frame_from_two_images_takes_any_duration_in_range()
        {
            var request = Kling("frame", 2);
            request.Arguments["duration"] = 7;

            Assert.NotNull(Validator.Validate(request));
        }

        [Fact]
        public void Kling_refuses_an_aspect_ratio_for_frame()
        {
            var request = Kling("frame", 2);
            request.Arguments["aspect_ratio"] = "9:16";

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Contains("aspect_ratio '9:16'", error.Message);
            Assert.Contains("refer", error.Message);
        }

        [Fact]
        public void Kling_takes_an_aspect_ratio_for_refer()
        {
            var request = Kling("refer", 2);
            request.Arguments["aspect_ratio"] = "9:16";

            Assert.NotNull(Validator.Validate(request));
        }

        [Fact]
        public void Kling_default_action_is_frame_so_an_aspect_ratio_alone_is_refused()
        {
            var request = new JobRequest("kling-o1") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") };
            request.Arguments["aspect_ratio"] = "1:1";

            Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));
        }

        [Fact]
        public void Kling_element_without_a_frontal_image_is_refused()
        {
            var request = Kling("refer", 1);
            request.Arguments["elements"] = new[] { new Hashtable { ["reference_image_urls"] = new[] { "https://img.example/side.png" } } };

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Contains("elements[0].frontal_image_url", error.Message);
            Assert.Contains("required", error.Message);
        }

        [Fact]
        public void Kling_element_member_the_page_does_not_define_is_refused()
        {
            var request = Kling("refer", 1);
            request.Arguments["elements"] = new[] { new Hashtable { ["frontal_image_url"] = "https://img.example/f.png", ["back_url"] = "https://img.example/b.png" } };

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Contains("elements[0].back_url", error.Message);
        }

        [Fact]
        public void Happyhorse_warns_that_a_prompt_over_5000_characters_will_be_cut()
        {
            var request = Request("happyhorse-1.0");
            request.Prompt = new string('a', 5001);

            var job = Validator.Validate(request);

            var warning = Assert.Single(job.Warnings);
            Assert.Equal(IssueSeverity.Warning, warning.Severity);
            Assert.Contains("5001", warning.Message);
            Assert.Contains("cuts", warning.Message);
        }

        [Fact]
        public void Happyhorse_counts_a_chinese_character_as_two()
        {
            var atLimit = Request("happyhorse-1.0");
            atLimit.Prompt = new string('猫', 2500);
            var overLimit = Request("happyhorse-1.0");
            overLimit.Prompt = new string('猫', 2501);

            Assert.Empty(Validator.Validate(atLimit).Warnings);
            Assert.Single(Validator.Validate(overLimit).Warnings);
        }

        [Fact]
        public void Happyhorse_prompt_of_5000_characters_passes_without_warning()
        {
            var request = Request("happyhorse-1.0");
            request.Prompt = new string('a', 5000);

            Assert.Empty(Validator.Validate(request).Warnings);
        }
    }
}
