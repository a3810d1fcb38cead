using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A help page as headings: its "##" sections, in the order written, with their "###" subsections.</summary>
    public sealed class PageOutline
    {
        public List<PageSection> Sections { get; } = new List<PageSection>();

        /// <summary>The section with this heading (case-insensitive), or null.</summary>
        public PageSection? Section(string heading) =>
            Sections.FirstOrDefault(s => string.Equals(s.Heading, heading, StringComparison.OrdinalIgnoreCase));
    }
}
