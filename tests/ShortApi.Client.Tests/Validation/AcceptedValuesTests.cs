using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Validation;
using Xunit;

namespace ShortApi.Client.Tests.Validation
{
    /// <summary>What completion may offer for one parameter once others are chosen: the values the model's rules accept.</summary>
    public class AcceptedValuesTests
    {
        private static IEnumerable<string> Accepted(string model, string parameter, params (string Name, object Value)[] chosen) =>
            AcceptedValues.Of(
                ModelCatalog.BuiltIn.Find(model)!,
                parameter,
                chosen.Select(c => new KeyValuePair<string, object?>(c.Name, c.Value)))
            .Select(WireValue.Format);

        [Fact]
        public void Pixverse_at_1080p_accepts_durations_5_and_8()
        {
            Assert.Equal(new[] { "5", "8" }, Accepted("pixverse-5.5", "duration", ("resolution", "1080p")));
        }

        [Fact]
        public void Pixverse_at_10_seconds_accepts_540p_and_720p_however_the_length_was_given()
        {
            Assert.Equal(new[] { "540p", "720p" }, Accepted("pixverse-5.5", "resolution", ("duration", "10")));
            Assert.Equal(new[] { "540p", "720p" }, Accepted("pixverse-5.5", "resolution", ("duration", 10)));
        }

        [Fact]
        public void A_chosen_value_is_matched_as_validation_matches_it_without_regard_to_case()
        {
            Assert.Equal(new[] { "5", "8" }, Accepted("pixverse-5.5", "duration", ("resolution", "1080P")));
        }

        [Fact]
        public void Nothing_chosen_accepts_every_allowed_value()
        {
            Assert.Equal(new[] { "5", "8", "10" }, Accepted("pixverse-5.5", "duration"));
        }

        [Fact]
        public void A_chosen_value_the_model_refuses_is_left_out_of_the_judgement()
        {
            Assert.Equal(new[] { "5", "8", "10" }, Accepted("pixverse-5.5", "duration", ("resolution", "4k")));
        }

        [Fact]
        public void Kling_refer_is_the_only_action_that_takes_an_aspect_ratio()
        {
            Assert.Equal(new[] { "refer" }, Accepted("kling-o1", "action", ("aspect_ratio", "1:1")));
        }

        [Fact]
        public void A_conflict_among_the_other_choices_rules_out_no_value()
        {
            // frame with an aspect ratio is wrong whatever the mode; both modes are still offered.
            Assert.Equal(new[] { "std", "pro" }, Accepted("kling-o1", "mode", ("action", "frame"), ("aspect_ratio", "1:1")));
        }

        [Fact]
        public void When_no_value_fits_every_value_is_offered_rather_than_none()
        {
            // kling-o1's default action, frame, takes no aspect ratio: completion still offers them.
            Assert.Equal(new[] { "16:9", "9:16", "1:1" }, Accepted("kling-o1", "aspect_ratio"));
        }

        [Fact]
        public void A_parameter_the_model_lacks_has_no_values()
        {
            Assert.Empty(Accepted("vidu-q3", "aspect_ratio"));
        }

        [Fact]
        public void Every_accepted_value_passes_validation_with_the_choices()
        {
            var validator = new ArgumentValidator(ModelCatalog.BuiltIn);
            foreach (string resolution in new[] { "540p", "720p", "1080p" })
            {
                foreach (string duration in Accepted("pixverse-5.5", "duration", ("resolution", resolution)))
                {
                    var estimate = validator.EstimateCost("pixverse-5.5", new Dictionary<string, object?> { ["resolution"] = resolution, ["duration"] = duration });
                    Assert.True(estimate.IsKnown, $"{resolution} {duration} s");
                }
            }
        }

        [Fact]
        public void Without_a_model_each_value_is_offered_once_in_the_spelling_most_models_use()
        {
            Assert.Equal(new[] { "540p", "720p", "1080p" }, ModelCatalog.BuiltIn.CompletionValues(null, "resolution"));
        }

        [Fact]
        public void Without_a_model_lengths_come_in_numeric_order()
        {
            Assert.Equal(Enumerable.Range(1, 16).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), ModelCatalog.BuiltIn.CompletionValues(null, "duration"));
        }

        [Fact]
        public void The_catalog_filters_a_named_model_by_the_choices()
        {
            var chosen = new[] { new KeyValuePair<string, object?>("resolution", "1080p") };

            Assert.Equal(new[] { "5", "8" }, ModelCatalog.BuiltIn.CompletionValues("pixverse-5.5", "duration", chosen));
        }
    }
}
