namespace ShortApi.PowerShell.Completion
{
    /// <summary>Completes -Duration with the values the chosen model allows for duration.</summary>
    public sealed class DurationCompleter : ModelValueCompleter
    {
        protected internal override string WireName => "duration";
    }
}
