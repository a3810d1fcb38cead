namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A line of a markdown file with its 1-based number, so problems can point at it.</summary>
    public sealed record SourceLine(int Number, string Text)
    {
        public bool IsBlank => string.IsNullOrWhiteSpace(Text);

        public bool IsFence => Text.TrimStart().StartsWith("```", System.StringComparison.Ordinal);
    }
}
