namespace ShortApi.PowerShell.Completion
{
    /// <summary>Completes -AspectRatio with the values the chosen model allows for aspect_ratio.</summary>
    public sealed class AspectRatioCompleter : ModelValueCompleter
    {
        protected internal override string WireName => "aspect_ratio";
    }
}
