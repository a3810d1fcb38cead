using System.Collections.Generic;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>An about_* topic read from markdown: its name and its sections, SHORT DESCRIPTION first.</summary>
    public sealed record AboutTopicDocument(string Name, IReadOnlyList<PageSection> Sections);
}
