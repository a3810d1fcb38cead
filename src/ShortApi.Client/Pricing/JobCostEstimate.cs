using ShortApi.Jobs;

namespace ShortApi.Pricing
{
    /// <summary>
    /// What one input would cost if it were submitted, as an object a script can add up: the
    /// input, the model, the settings the job would run with, and the estimate with its basis.
    /// When the model's page gives no basis for a price (poppy-v1.0 bills per second but has no
    /// duration), <see cref="EstimatedCost"/> is null and <see cref="Basis"/> says why.
    /// </summary>
    public sealed record JobCostEstimate(
        string Source,
        string Model,
        string ModelId,
        JobArguments Settings,
        decimal? EstimatedCost,
        string Currency,
        string Basis)
    {
        /// <summary>The source's file name (or the URL's last segment).</summary>
        public string SourceName => SourceNames.Leaf(Source);

        public bool IsKnown => EstimatedCost.HasValue;

        /// <summary>The estimate of a job that passed validation.</summary>
        public static JobCostEstimate For(PreparedJob job) => new JobCostEstimate(
            job.Source,
            job.Model.DisplayName,
            job.Model.Id,
            EffectiveSettings.Of(job),
            job.Estimate.Amount,
            job.Estimate.Currency,
            job.Estimate.Basis);

        public override string ToString() =>
            (Source.Length > 0 ? SourceName : Model) + ": " + new CostEstimate(EstimatedCost, Currency, Basis);
    }
}
