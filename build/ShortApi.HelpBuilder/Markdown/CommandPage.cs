using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// A cmdlet's page read by the sections docs/help/README.md lays out. Headings match regardless of
    /// case; a section or entry that is not there reads as empty, so the help only ever lacks text.
    /// </summary>
    public sealed record CommandPage(HelpPage Page)
    {
        public IReadOnlyList<HelpParagraph> Synopsis => Prose(Page.Section("SYNOPSIS"));

        public IReadOnlyList<HelpParagraph> Description => Prose(Page.Section("DESCRIPTION"));

        public IReadOnlyList<HelpParagraph> Notes => Prose(Page.Section("NOTES"));

        /// <summary>The "## PARAMETERS" section: one "### -Name" per parameter.</summary>
        public PageSection? Parameters => Page.Section("PARAMETERS");

        public IReadOnlyList<HelpParagraph> Parameter(string name) => Prose(Parameters?.Subsection("-" + name));

        /// <summary>INPUTS or OUTPUTS: the prose under "### &lt;type&gt;", or, for no type, under the section itself.</summary>
        public IReadOnlyList<HelpParagraph> TypeProse(string section, string? type) =>
            Prose(type == null ? Page.Section(section) : Page.Section(section)?.Subsection(type));

        /// <summary>The "## EXAMPLES" section: one "###" per example.</summary>
        public PageSection? ExamplesSection => Page.Section("EXAMPLES");

        /// <summary>Each example's first code block is what it runs; the other blocks (sample output too) are its remarks.</summary>
        public IReadOnlyList<HelpExample> Examples =>
            (ExamplesSection?.Subsections ?? new List<PageSection>()).Select(example =>
            {
                var prose = example.Prose;
                var code = prose.FirstOrDefault(p => p.Kind == ParagraphKind.Code);
                return new HelpExample(example.Heading, string.Join("\n", code?.Lines ?? Array.Empty<string>()), prose.Where(p => !ReferenceEquals(p, code)).ToList());
            }).ToList();

        /// <summary>The items of the lists under "## RELATED LINKS"; an item that is one link has its address.</summary>
        public IReadOnlyList<RelatedLink> RelatedLinks =>
            (Page.Section("RELATED LINKS")?.Blocks ?? new List<Block>()).OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()).Select(item =>
            {
                var inline = (item.FirstOrDefault() as ParagraphBlock)?.Inline;
                var link = inline?.FirstChild is LinkInline only && only.NextSibling == null ? only : null;
                return new RelatedLink(PlainText.Of(link ?? inline), link?.Url, HelpPageReader.LineOf(item));
            }).ToList();

        private static IReadOnlyList<HelpParagraph> Prose(PageSection? section) => section?.Prose ?? Array.Empty<HelpParagraph>();
    }
}
