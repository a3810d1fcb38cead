using System.Collections;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Validation;
using Xunit;

namespace ShortApi.Client.Tests.Validation
{
    public class ArgumentValidatorTests
    {
        private static readonly ArgumentValidator Validator = new ArgumentValidator(ModelCatalog.BuiltIn);

        private static JobRequest Request(string model) =>
            new JobRequest(model) { Prompt = "a cat", Image = ImageInput.FromUrl("https://img.example/a.png") };

        private static object? Arg(PreparedJob job, string name) => job.WireArguments.Single(p => p.Key == name).Value;

        [Fact]
        public void An_invalid_value_names_model_parameter_value_and_what_is_allowed()
        {
            var request = Request("vidu-q3");
            request.Arguments["resolution"] = "4k";

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Equal(ShortApiErrorReason.InvalidArgument, error.Reason);
            Assert.Equal("vidu-q3: resolution '4k': is not allowed. Allowed: 540p, 720p, 1080p.", error.Message);
        }

        [Fact]
        public void A_value_out_of_range_says_the_range()
        {
            var request = Request("vidu-q3");
            request.Arguments["duration"] = 20;

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Contains("vidu-q3: duration 20: is out of range", error.Message);
            Assert.Contains("from 1 to 16", error.Message);
        }

        [Fact]
        public void A_parameter_the_model_does_not_have_is_refused_with_its_parameters_listed()
        {
            var request = Request("poppy-v1.0");
            request.Arguments["resolution"] = "720p";

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Contains("poppy-v1.0: resolution '720p': is not a parameter of this model", error.Message);
            Assert.Contains("prompt, image, aspect_ratio", error.Message);
        }

        [Fact]
        public void Every_problem_is_reported_at_once()
        {
            var request = Request("vidu-q3");
            request.Arguments["resolution"] = "4k";
            request.Arguments["mode"] = "fast";

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Equal(2, error.Issues.Count);
        }

        [Fact]
        public void A_missing_prompt_is_reported_as_required()
        {
            var request = new JobRequest("vidu-q3") { Image = ImageInput.FromUrl("https://img.example/a.png") };

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Contains("vidu-q3: prompt: is required", error.Message);
        }

        [Fact]
        public void Options_match_without_regard_to_case_and_are_sent_as_the_page_spells_them()
        {
            var request = Request("happyhorse-1.0");
            request.Arguments["resolution"] = "720p";

            Assert.Equal("720P", Arg(Validator.Validate(request), "resolution"));
        }

        [Fact]
        public void A_numeric_duration_becomes_a_string_for_models_that_send_it_as_one()
        {
            var request = Request("vidu-q3");
            request.Arguments["duration"] = 8;

            Assert.Equal("8", Arg(Validator.Validate(request), "duration"));
        }

        [Fact]
        public void A_text_duration_becomes_a_number_for_happyhorse()
        {
            var request = Request("happyhorse-1.0");
            request.Arguments["duration"] = "12";

            Assert.Equal(12L, Arg(Validator.Validate(request), "duration"));
        }

        [Fact]
        public void Required_parameters_with_a_default_are_sent_with_it_and_optional_ones_are_left_out()
        {
            var job = Validator.Validate(Request("vidu-q3"));

            Assert.Equal(new[] { "mode", "prompt", "image" }, job.WireArguments.Select(p => p.Key));
            Assert.Equal("pro", Arg(job, "mode"));
        }

        [Fact]
        public void For_kling_the_job_image_goes_first_in_the_images_list()
        {
            var request = new JobRequest("kling-o1") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/first.png") };
            request.Arguments["images"] = new[] { ImageInput.FromUrl("https://img.example/last.png") };

            var images = (IList)Arg(Validator.Validate(request), "images")!;

            Assert.Equal(new[] { "https://img.example/first.png", "https://img.example/last.png" }, images.Cast<ImageInput>().Select(i => i.Original));
        }

        [Fact]
        public void Extra_arguments_pass_through_with_a_warning_when_the_catalog_lacks_them()
        {
            var request = Request("vidu-q3");
            request.ExtraArguments["seed"] = 42;

            var job = Validator.Validate(request);

            Assert.Equal(42, Arg(job, "seed"));
            Assert.Contains(job.Warnings, w => w.Parameter == "seed" && w.Severity == IssueSeverity.Warning);
        }

        [Fact]
        public void Extra_arguments_the_catalog_knows_are_still_checked()
        {
            var request = Request("vidu-q3");
            request.ExtraArguments["duration"] = 99;

            Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));
        }

        [Fact]
        public void The_same_argument_given_twice_is_refused()
        {
            var request = Request("vidu-q3");
            request.Arguments["duration"] = 5;
            request.ExtraArguments["Duration"] = 6;

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Contains("given twice", error.Message);
        }

        [Fact]
        public void An_unknown_full_model_id_passes_everything_through_untouched()
        {
            var request = new JobRequest("acme/rocket-2/image-to-video") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") };
            request.ExtraArguments["fps"] = 30;
            request.ExtraArguments["style"] = "noir";

            var job = Validator.Validate(request);

            Assert.Equal(new[] { "prompt", "image", "fps", "style" }, job.WireArguments.Select(p => p.Key));
            Assert.False(job.Estimate.IsKnown);
        }

        [Fact]
        public void A_data_uri_is_refused_because_the_pages_forbid_the_prefix()
        {
            var request = new JobRequest("vidu-q3") { Prompt = "x" };
            request.ExtraArguments["image"] = "data:image/png;base64,iVBORw0KGgo=";

            var error = Assert.Throws<ArgumentValidationException>(() => Validator.Validate(request));

            Assert.Contains("data: prefix", error.Message);
        }

        [Fact]
        public void The_input_key_is_the_same_for_the_same_input_and_differs_with_the_settings()
        {
            var a = Request("vidu-q3");
            var b = Request("vidu-q3");
            var c = Request("vidu-q3");
            c.Arguments["duration"] = 8;

            Assert.Equal(Validator.Validate(a).InputKey, Validator.Validate(b).InputKey);
            Assert.NotEqual(Validator.Validate(a).InputKey, Validator.Validate(c).InputKey);
        }

        [Fact]
        public void Describe_names_the_model_the_settings_and_the_estimate()
        {
            var request = Request("vidu-q3");
            request.Arguments["duration"] = 8;

            string text = Validator.Validate(request).Describe();

            Assert.Equal("vidu-q3 (mode=pro, duration=8), estimated cost 0.96 USD (mode 'pro' and resolution '720p': $0.12/s x 8 s)", text);
        }

        [Theory]
        [InlineData("not a url")]
        [InlineData("file:///etc/passwd")]
        [InlineData("/callbacks/here")]
        public void A_callback_that_is_not_an_absolute_http_url_is_refused(string callback)
        {
            var error = Assert.Throws<ArgumentValidationException>(() => new ArgumentValidator(ModelCatalog.BuiltIn).Validate(
                new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png"), CallbackUrl = callback }));

            Assert.Contains("callback_url", error.Message);
            Assert.Contains("not an absolute http(s) URL", error.Message);
        }

        [Fact]
        public void A_prompt_holding_half_a_surrogate_pair_is_refused_naming_where()
        {
            string prompt = "a cat \ud83d and a dog"; // the first half of an emoji, cut off

            var error = Assert.Throws<ArgumentValidationException>(() => new ArgumentValidator(ModelCatalog.BuiltIn).Validate(
                new JobRequest("vidu-q3") { Prompt = prompt, Image = ImageInput.FromUrl("https://img.example/a.png") }));

            Assert.Contains("prompt", error.Message);
            Assert.Contains("broken character at position 7", error.Message);
        }

        [Fact]
        public void A_prompt_with_whole_emoji_is_accepted()
        {
            var job = new ArgumentValidator(ModelCatalog.BuiltIn).Validate(
                new JobRequest("vidu-q3") { Prompt = "a cat \ud83d\ude00 smiles", Image = ImageInput.FromUrl("https://img.example/a.png") });

            Assert.Equal("a cat \ud83d\ude00 smiles", job.Prompt);
        }
    }
}
