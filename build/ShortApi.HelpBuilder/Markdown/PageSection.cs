using System.Collections.Generic;
using Markdig.Syntax;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A "##" or "###" heading with the blocks under it and, for "##", its "###" subsections.</summary>
    public sealed class PageSection
    {
        public PageSection(string heading, int line)
        {
            Heading = heading;
            Line = line;
        }

        public string Heading { get; }

        /// <summary>The heading's line number.</summary>
        public int Line { get; }

        /// <summary>The blocks between the heading and its first subsection (or the next heading).</summary>
        public List<Block> Blocks { get; } = new List<Block>();

        public List<PageSection> Subsections { get; } = new List<PageSection>();

        public IReadOnlyList<HelpParagraph> Prose => ProseReader.Read(Blocks);
    }
}
