using System.Collections.Generic;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A section of an about topic: its heading, its paragraphs and its "###" subsections.</summary>
    public sealed record AboutSection(string Heading, IReadOnlyList<HelpParagraph> Paragraphs, IReadOnlyList<AboutSection> Subsections);
}
