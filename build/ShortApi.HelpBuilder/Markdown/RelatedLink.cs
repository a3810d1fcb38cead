namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A RELATED LINKS entry: its text, the address of its link (null when it is not a link), and its line.</summary>
    public sealed record RelatedLink(string Text, string? Url, int Line);
}
