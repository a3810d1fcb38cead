using System.Globalization;

namespace ShortApi.Pricing
{
    /// <summary>
    /// What a job is expected to cost, and on what basis. When the page gives no basis for a total
    /// (a per-second price with no duration parameter) <see cref="Amount"/> is null and
    /// <see cref="Basis"/> says why: a number is never invented.
    /// </summary>
    public sealed class CostEstimate
    {
        public CostEstimate(decimal? amount, string currency, string basis)
        {
            Amount = amount;
            Currency = currency;
            Basis = basis;
        }

        public static CostEstimate Unknown(string currency, string reason) => new CostEstimate(null, currency, reason);

        /// <summary>The estimated price; null when it cannot be known before the job runs.</summary>
        public decimal? Amount { get; }

        public string Currency { get; }

        /// <summary>How the amount was reached ("$0.12/s x 5 s"), or why there is none.</summary>
        public string Basis { get; }

        public bool IsKnown => Amount.HasValue;

        public override string ToString() =>
            Amount.HasValue
                ? string.Format(CultureInfo.InvariantCulture, "{0} {1} ({2})", FormatAmount(Amount.Value), Currency, Basis)
                : $"unknown ({Basis})";

        /// <summary>An amount with as many decimals as it needs, at least two: 0.6 reads 0.60, 0.128 stays 0.128.</summary>
        public static string FormatAmount(decimal amount)
        {
            string text = amount.ToString("0.00##", CultureInfo.InvariantCulture);
            return text;
        }
    }
}
