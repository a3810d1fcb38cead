using System.Collections.Generic;
using System.Globalization;
using ShortApi.Catalog;
using ShortApi.Validation;
using Xunit;

namespace ShortApi.Client.Tests.Pricing
{
    /// <summary>The price of every combination the model pages list.</summary>
    public class CostEstimateTests
    {
        private static readonly ArgumentValidator Validator = new ArgumentValidator(ModelCatalog.BuiltIn);

        private static decimal? Price(string model, params (string Name, object Value)[] arguments)
        {
            var list = new List<KeyValuePair<string, object?>>();
            foreach (var (name, value) in arguments)
            {
                list.Add(new KeyValuePair<string, object?>(name, value));
            }

            return Validator.EstimateCost(model, list).Amount;
        }

        [Theory]
        [InlineData("540p", "5", false, false, "0.128")]
        [InlineData("540p", "8", false, false, "0.255")]
        [InlineData("540p", "10", false, false, "0.281")]
        [InlineData("720p", "5", false, false, "0.170")]
        [InlineData("720p", "8", false, false, "0.340")]
        [InlineData("720p", "10", false, false, "0.374")]
        [InlineData("1080p", "5", false, false, "0.340")]
        [InlineData("1080p", "8", false, false, "0.680")]
        [InlineData("540p", "5", true, false, "0.170")]
        [InlineData("540p", "8", true, false, "0.340")]
        [InlineData("540p", "10", true, false, "0.374")]
        [InlineData("720p", "5", true, false, "0.213")]
        [InlineData("720p", "8", true, false, "0.425")]
        [InlineData("720p", "10", true, false, "0.468")]
        [InlineData("1080p", "5", true, false, "0.383")]
        [InlineData("1080p", "8", true, false, "0.765")]
        [InlineData("540p", "5", false, true, "0.213")]
        [InlineData("540p", "8", false, true, "0.425")]
        [InlineData("540p", "10", false, true, "0.468")]
        [InlineData("720p", "5", false, true, "0.255")]
        [InlineData("720p", "8", false, true, "0.510")]
        [InlineData("720p", "10", false, true, "0.561")]
        [InlineData("1080p", "5", false, true, "0.425")]
        [InlineData("1080p", "8", false, true, "0.850")]
        [InlineData("540p", "5", true, true, "0.255")]
        [InlineData("540p", "8", true, true, "0.510")]
        [InlineData("540p", "10", true, true, "0.561")]
        [InlineData("720p", "5", true, true, "0.298")]
        [InlineData("720p", "8", true, true, "0.595")]
        [InlineData("720p", "10", true, true, "0.655")]
        [InlineData("1080p", "5", true, true, "0.468")]
        [InlineData("1080p", "8", true, true, "0.935")]
        public void Pixverse_prices_every_listed_combination(string resolution, string duration, bool audio, bool multiShot, string expected)
        {
            decimal? price = Price("pixverse-5.5", ("resolution", resolution), ("duration", duration), ("generate_audio", audio), ("multi_shot", multiShot));

            Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), price);
        }

        [Fact]
        public void Pixverse_with_defaults_is_720p_5s_without_audio()
        {
            Assert.Equal(0.170m, Price("pixverse-5.5"));
        }

        [Fact]
        public void Pixverse_1080p_for_10s_has_no_price_because_it_is_not_offered()
        {
            Assert.Throws<ArgumentValidationException>(() => Price("pixverse-5.5", ("resolution", "1080p"), ("duration", "10")));
        }

        [Theory]
        [InlineData("pro", "540p", 0.056)]
        [InlineData("pro", "720p", 0.12)]
        [InlineData("pro", "1080p", 0.128)]
        [InlineData("turbo", "540p", 0.032)]
        [InlineData("turbo", "720p", 0.048)]
        [InlineData("turbo", "1080p", 0.064)]
        public void Vidu_bills_per_second_by_mode_and_resolution(string mode, string resolution, double perSecond)
        {
            Assert.Equal((decimal)perSecond * 5, Price("vidu-q3", ("mode", mode), ("resolution", resolution)));
            Assert.Equal((decimal)perSecond * 16, Price("vidu-q3", ("mode", mode), ("resolution", resolution), ("duration", 16)));
        }

        [Fact]
        public void Vidu_with_defaults_is_pro_720p_for_5_seconds()
        {
            Assert.Equal(0.60m, Price("vidu-q3"));
        }

        [Theory]
        [InlineData("720P", 3, 0.387)]
        [InlineData("720P", 15, 1.935)]
        [InlineData("1080P", 5, 1.145)]
        [InlineData("1080P", 15, 3.435)]
        public void Happyhorse_bills_per_second_by_resolution(string resolution, int seconds, double expected)
        {
            Assert.Equal((decimal)expected, Price("happyhorse-1.0", ("resolution", resolution), ("duration", seconds)));
        }

        [Fact]
        public void Happyhorse_with_defaults_is_1080p_for_5_seconds()
        {
            Assert.Equal(1.145m, Price("happyhorse-1.0"));
        }

        [Theory]
        [InlineData(5, 0.375)]
        [InlineData(10, 0.75)]
        [InlineData(3, 0.225)]
        public void Kling_std_bills_per_second(int seconds, double expected)
        {
            Assert.Equal((decimal)expected, Price("kling-o1", ("mode", "std"), ("action", "refer"), ("duration", seconds)));
        }

        [Theory]
        [InlineData(5)]
        [InlineData(10)]
        public void Kling_pro_bills_per_request_whatever_the_length(int seconds)
        {
            Assert.Equal(0.1m, Price("kling-o1", ("mode", "pro"), ("duration", seconds)));
        }

        [Fact]
        public void Poppy_has_a_per_second_rate_but_no_duration_so_no_total_is_invented()
        {
            var estimate = Validator.EstimateCost("poppy-v1.0", new List<KeyValuePair<string, object?>>());

            Assert.Null(estimate.Amount);
            Assert.Contains("$0.048/s", estimate.Basis);
            Assert.Contains("no duration parameter", estimate.Basis);
        }

        [Fact]
        public void A_model_outside_the_catalog_has_no_known_price()
        {
            var estimate = Validator.EstimateCost("acme/rocket/image-to-video", new List<KeyValuePair<string, object?>>());

            Assert.False(estimate.IsKnown);
            Assert.Contains("not in the catalog", estimate.Basis);
        }
    }
}
