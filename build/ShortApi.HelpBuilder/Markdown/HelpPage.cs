using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A help page (a cmdlet's or an about topic) as its "##" sections, in the order written; named after its file.</summary>
    public sealed record HelpPage(string Path, IReadOnlyList<PageSection> Sections)
    {
        public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

        public bool IsAboutTopic => Name.StartsWith("about_", StringComparison.OrdinalIgnoreCase);

        /// <summary>The section with this heading (case-insensitive), or null.</summary>
        public PageSection? Section(string heading) =>
            Sections.FirstOrDefault(s => string.Equals(s.Heading, heading, StringComparison.OrdinalIgnoreCase));
    }
}
