namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>How a parameter takes part in one parameter set: one [Parameter] attribute.</summary>
    public sealed record ParameterSetBinding(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName)
    {
        /// <summary>The set name PowerShell gives a [Parameter] with no ParameterSetName.</summary>
        public const string AllSets = "__AllParameterSets";

        public bool InAllSets => SetName == AllSets;
    }
}
