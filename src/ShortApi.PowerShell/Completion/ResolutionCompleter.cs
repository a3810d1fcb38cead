namespace ShortApi.PowerShell.Completion
{
    /// <summary>Completes -Resolution with the values the chosen model allows for resolution.</summary>
    public sealed class ResolutionCompleter : ModelValueCompleter
    {
        protected internal override string WireName => "resolution";
    }
}
