using System.Collections.Generic;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A "## Heading" (or "### Heading") with the lines under it and, for level 2, its "###" subsections.</summary>
    public sealed class MarkdownSection
    {
        public MarkdownSection(string heading, int line)
        {
            Heading = heading;
            Line = line;
        }

        public string Heading { get; }

        /// <summary>The heading's line number.</summary>
        public int Line { get; }

        /// <summary>The lines between the heading and the first subsection (or the next heading).</summary>
        public List<SourceLine> Body { get; } = new List<SourceLine>();

        public List<MarkdownSection> Subsections { get; } = new List<MarkdownSection>();
    }
}
