namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A RELATED LINKS entry: its text, what a markdown link points at (null for plain text), and its line.</summary>
    public sealed record RelatedLink(string Text, string? Target, int Line);
}
