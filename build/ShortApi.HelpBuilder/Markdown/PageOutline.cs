using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A help page as headings: the "# Title", its "##" sections and their "###" subsections.</summary>
    public sealed class PageOutline
    {
        public PageOutline(string path)
        {
            Path = path;
        }

        public string Path { get; }

        public string? Title { get; set; }

        public int TitleLine { get; set; } = 1;

        public List<PageSection> Sections { get; } = new List<PageSection>();

        /// <summary>The first line of content under no "##" heading, which help has no place for; 0 when there is none.</summary>
        public int StrayLine { get; set; }

        /// <summary>The section with this heading (case-insensitive), or null.</summary>
        public PageSection? Section(string heading) =>
            Sections.FirstOrDefault(s => string.Equals(s.Heading, heading, StringComparison.OrdinalIgnoreCase));
    }
}
