using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A "##" or "###" heading and its line, the blocks under it and, for "##", its "###" subsections.</summary>
    public sealed record PageSection(string Heading, int Line)
    {
        /// <summary>The blocks between the heading and its first subsection (or the next heading).</summary>
        public List<Block> Blocks { get; } = new List<Block>();

        public List<PageSection> Subsections { get; } = new List<PageSection>();

        public IReadOnlyList<HelpParagraph> Prose => ProseReader.Read(Blocks);

        /// <summary>The subsection with this heading (case-insensitive), or null.</summary>
        public PageSection? Subsection(string heading) =>
            Subsections.FirstOrDefault(s => string.Equals(s.Heading, heading, StringComparison.OrdinalIgnoreCase));
    }
}
