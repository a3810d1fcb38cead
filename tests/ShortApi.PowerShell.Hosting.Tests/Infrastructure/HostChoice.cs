namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>A prompt the host was shown and what it answered.</summary>
    public sealed record HostChoice(string Caption, string Message, string Answer);
}
