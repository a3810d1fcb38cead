using System.Linq;
using ShortApi.Catalog;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Pricing;
using ShortApi.Validation;
using Xunit;

namespace ShortApi.Client.Tests.Pricing
{
    /// <summary>The object Measure-ShortApiVideoJob emits: price, basis and the settings a job would run with.</summary>
    public class JobCostEstimateTests
    {
        private static readonly ArgumentValidator Pricing = new ArgumentValidator(ModelCatalog.BuiltIn) { PromptOptional = true };

        private static JobRequest Request(string model, string image = "https://img.example/a.png") =>
            new JobRequest(model) { Image = ImageInput.FromUrl(image) };

        private static string Settings(JobCostEstimate estimate) =>
            string.Join(", ", estimate.Settings.Select(p => p.Key + "=" + WireValue.Format(p.Value)));

        [Fact]
        public void Pixverse_1080p_8s_costs_the_listed_price_and_shows_every_setting_it_runs_with()
        {
            var request = Request("pixverse-5.5", "https://img.example/stills/harbor.png");
            request.Arguments["resolution"] = "1080p";
            request.Arguments["duration"] = 8;

            var estimate = JobCostEstimate.For(Pricing.Validate(request));

            Assert.Equal(0.680m, estimate.EstimatedCost);
            Assert.True(estimate.IsKnown);
            Assert.Equal("USD", estimate.Currency);
            Assert.Contains("$0.68 per video", estimate.Basis);
            Assert.Equal("https://img.example/stills/harbor.png", estimate.Source);
            Assert.Equal("harbor.png", estimate.SourceName);
            Assert.Equal("pixverse-5.5", estimate.Model);
            Assert.Equal("pixverse/pixverse-5.5/image-to-video", estimate.ModelId);
            Assert.Equal("resolution=1080p, duration=8, aspect_ratio=16:9, generate_audio=false, multi_shot=false", Settings(estimate));
        }

        [Fact]
        public void Poppy_has_no_price_before_it_runs_and_says_why()
        {
            var estimate = JobCostEstimate.For(Pricing.Validate(Request("poppy-v1.0")));

            Assert.Null(estimate.EstimatedCost);
            Assert.False(estimate.IsKnown);
            Assert.Contains("$0.048/s", estimate.Basis);
            Assert.Contains("no duration parameter", estimate.Basis);
            Assert.Equal("aspect_ratio=16:9", Settings(estimate));
        }

        [Fact]
        public void A_default_the_page_applies_only_under_a_condition_is_shown_only_when_it_holds()
        {
            var frame = JobCostEstimate.For(Pricing.Validate(Request("kling-o1")));
            var referRequest = Request("kling-o1");
            referRequest.Arguments["action"] = "refer";
            var refer = JobCostEstimate.For(Pricing.Validate(referRequest));

            Assert.Equal("mode=pro, action=frame, duration=5", Settings(frame));
            Assert.Equal("mode=pro, action=refer, duration=5, aspect_ratio=16:9", Settings(refer));
            Assert.Equal(0.1m, frame.EstimatedCost);
        }

        [Fact]
        public void Arguments_the_page_does_not_document_follow_the_documented_ones()
        {
            var request = Request("vidu-q3");
            request.ExtraArguments["seed"] = 7;

            var estimate = JobCostEstimate.For(Pricing.Validate(request));

            Assert.Equal("mode=pro, duration=5, resolution=720p, seed=7", Settings(estimate));
            Assert.Equal(0.60m, estimate.EstimatedCost);
        }

        [Fact]
        public void A_model_the_catalog_lacks_shows_what_would_be_sent_without_prompt_or_image_and_no_price()
        {
            var request = new JobRequest("acme/rocket-2/image-to-video") { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") };
            request.ExtraArguments["fps"] = 30;

            var estimate = JobCostEstimate.For(Pricing.Validate(request));

            Assert.Equal("fps=30", Settings(estimate));
            Assert.Equal("acme/rocket-2/image-to-video", estimate.Model);
            Assert.False(estimate.IsKnown);
        }

        [Fact]
        public void Only_a_validator_for_estimates_lets_the_prompt_out()
        {
            var request = Request("vidu-q3");

            Assert.NotNull(Pricing.Validate(request));
            var error = Assert.Throws<ArgumentValidationException>(() => new ArgumentValidator(ModelCatalog.BuiltIn).Validate(request));
            Assert.Contains("prompt", error.Message);
        }

        [Fact]
        public void A_validator_for_estimates_still_refuses_a_combination_the_model_does_not_offer()
        {
            var request = Request("pixverse-5.5");
            request.Arguments["resolution"] = "1080p";
            request.Arguments["duration"] = 10;

            Assert.Throws<ArgumentValidationException>(() => Pricing.Validate(request));
        }
    }
}
