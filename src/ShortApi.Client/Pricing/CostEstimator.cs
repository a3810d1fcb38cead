using System;
using System.Globalization;
using ShortApi.Catalog;

namespace ShortApi.Pricing
{
    /// <summary>Prices a job from its model's price list and its effective arguments.</summary>
    public static class CostEstimator
    {
        public static CostEstimate Estimate(EffectiveArguments arguments)
        {
            if (arguments == null)
            {
                throw new ArgumentNullException(nameof(arguments));
            }

            var model = arguments.Model;
            var pricing = model.Pricing;
            foreach (var rate in pricing.Rates)
            {
                if (!rate.When.Matches(arguments))
                {
                    continue;
                }

                string condition = rate.When.IsAlways ? string.Empty : rate.When.Describe() + ": ";
                if (rate.PerRequest.HasValue)
                {
                    return new CostEstimate(
                        rate.PerRequest.Value,
                        pricing.Currency,
                        condition + "$" + CostEstimate.FormatAmount(rate.PerRequest.Value) + " per video");
                }

                if (rate.PerSecond.HasValue)
                {
                    string perSecond = "$" + CostEstimate.FormatAmount(rate.PerSecond.Value) + "/s";
                    if (!TryGetSeconds(arguments, pricing.DurationParameter, out decimal seconds))
                    {
                        return CostEstimate.Unknown(pricing.Currency, perSecond + "; " + (pricing.Note ?? "the video length is not known before the job runs."));
                    }

                    return new CostEstimate(
                        rate.PerSecond.Value * seconds,
                        pricing.Currency,
                        condition + perSecond + " x " + seconds.ToString(CultureInfo.InvariantCulture) + " s");
                }
            }

            return CostEstimate.Unknown(pricing.Currency, pricing.Note ?? $"the price list of {model.DisplayName} has no rate for these settings.");
        }

        private static bool TryGetSeconds(EffectiveArguments arguments, string parameter, out decimal seconds)
        {
            seconds = 0;
            if (!arguments.TryGetValue(parameter, out var value) || value == null)
            {
                return false;
            }

            if (WireValue.IsNumber(value))
            {
                seconds = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return true;
            }

            return value is string text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out seconds);
        }
    }
}
