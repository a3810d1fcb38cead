using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Catalog.Rules;
using ShortApi.Pricing;
using Xunit;

namespace ShortApi.Client.Tests.Pricing
{
    /// <summary>A price list as a person reads it in Get-ShortApiModel | Format-List.</summary>
    public class PriceTableTests
    {
        private static IReadOnlyList<string> Table(string model) => ModelCatalog.BuiltIn.Find(model)!.Pricing.Table;

        [Fact]
        public void Pixverse_reads_as_a_row_per_setting_and_a_column_per_length()
        {
            var table = Table("pixverse-5.5");

            Assert.Equal(13, table.Count);
            Assert.Equal("multi_shot  generate_audio  resolution     5 s     8 s    10 s", table[0]);
            Assert.Equal("false       false           540p        $0.128  $0.255  $0.281", table[1]);
            Assert.Equal("true        true            1080p       $0.468  $0.935       -", table[12]);
        }

        [Fact]
        public void A_table_never_chains_conditions_with_and()
        {
            foreach (var model in ModelCatalog.BuiltIn.Models)
            {
                Assert.DoesNotContain(model.Pricing.Table, line => line.Contains(" and "));
            }
        }

        [Fact]
        public void Per_second_prices_read_one_row_per_rate()
        {
            Assert.Equal(
                new[] { "mode   resolution  price", "pro    540p        $0.056/s", "pro    720p        $0.12/s", "pro    1080p       $0.128/s", "turbo  540p        $0.032/s", "turbo  720p        $0.048/s", "turbo  1080p       $0.064/s" },
                Table("vidu-q3"));
        }

        [Fact]
        public void Mixed_prices_say_which_is_per_second_and_which_per_video()
        {
            Assert.Equal(new[] { "mode  price", "std   $0.075/s", "pro   $0.10 per video" }, Table("kling-o1"));
        }

        [Fact]
        public void A_single_price_is_one_line()
        {
            Assert.Equal(new[] { "$0.048/s" }, Table("poppy-v1.0"));
        }

        [Fact]
        public void No_prices_make_no_table()
        {
            Assert.Empty(PricingDefinition.None.Table);
        }

        [Fact]
        public void A_condition_on_a_list_size_keeps_the_sentences()
        {
            var when = new RuleCondition(null, new Dictionary<string, int> { ["images"] = 2 });
            var pricing = new PricingDefinition(new[] { new PriceRate(when, 0.2m, null) }, null);

            Assert.Equal(new[] { "2 items in images: $0.20 per video" }, pricing.Table);
        }

        [Fact]
        public void A_rate_that_does_not_depend_on_a_column_reads_any()
        {
            var pricing = new PricingDefinition(
                new[]
                {
                    new PriceRate(new RuleCondition(new Dictionary<string, object> { ["mode"] = "fast" }, null), null, 0.05m),
                    new PriceRate(RuleCondition.Always, null, 0.1m),
                },
                null);

            Assert.Equal(new[] { "mode  price", "fast  $0.05/s", "any   $0.10/s" }, pricing.Table.ToArray());
        }
    }
}
