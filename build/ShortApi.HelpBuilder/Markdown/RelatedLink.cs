namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A RELATED LINKS entry: the text, and a URI when it points outside the module's own help.</summary>
    public sealed record RelatedLink(string Text, string? Uri);
}
