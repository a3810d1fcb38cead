namespace ShortApi.PowerShell.Completion
{
    /// <summary>Completes -Mode with the values the chosen model allows for mode.</summary>
    public sealed class ModeCompleter : ModelValueCompleter
    {
        protected internal override string WireName => "mode";
    }
}
