using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A help markdown file as headings: the "# Title", its "##" sections and their "###" subsections.</summary>
    public sealed class MarkdownOutline
    {
        public MarkdownOutline(string path)
        {
            Path = path;
        }

        public string Path { get; }

        public string? Title { get; set; }

        public int TitleLine { get; set; }

        public List<MarkdownSection> Sections { get; } = new List<MarkdownSection>();

        /// <summary>Text that is under no "##" heading; help has no place for it.</summary>
        public List<SourceLine> Stray { get; } = new List<SourceLine>();

        /// <summary>The section with this heading (case-insensitive), or null.</summary>
        public MarkdownSection? Section(string heading) =>
            Sections.FirstOrDefault(s => string.Equals(s.Heading, heading, StringComparison.OrdinalIgnoreCase));
    }
}
