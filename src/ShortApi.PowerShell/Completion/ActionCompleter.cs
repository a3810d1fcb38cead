namespace ShortApi.PowerShell.Completion
{
    /// <summary>Completes -Action with the values the chosen model allows for action.</summary>
    public sealed class ActionCompleter : ModelValueCompleter
    {
        protected internal override string WireName => "action";
    }
}
