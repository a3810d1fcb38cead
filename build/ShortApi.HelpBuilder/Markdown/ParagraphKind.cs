namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>How a paragraph is laid out: flowing text, a bulleted list, or code kept line for line.</summary>
    public enum ParagraphKind
    {
        Text,
        List,
        Code,
    }
}
