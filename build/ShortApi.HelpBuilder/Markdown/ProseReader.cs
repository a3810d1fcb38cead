using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Markdig blocks as help paragraphs: a paragraph becomes one line of plain text, a list its
    /// items (nested items follow their parent), a code block its lines as written.
    /// </summary>
    public static class ProseReader
    {
        public static IReadOnlyList<HelpParagraph> Read(IEnumerable<Block> blocks) => blocks.SelectMany(Paragraphs).ToList();

        private static IEnumerable<HelpParagraph> Paragraphs(Block block) =>
            block switch
            {
                CodeBlock code when Lines(code).Count > 0 => new[] { new HelpParagraph(ParagraphKind.Code, Lines(code)) },
                ListBlock list => new[] { new HelpParagraph(ParagraphKind.List, Items(list).ToList()) },
                LeafBlock { Inline: { } inline } => new[] { new HelpParagraph(ParagraphKind.Text, new[] { PlainText.Of(inline) }) },
                HtmlBlock html => new[] { new HelpParagraph(ParagraphKind.Text, new[] { string.Join(" ", Lines(html).Select(l => l.Trim())) }) },
                QuoteBlock quote => quote.SelectMany(Paragraphs),
                _ => Enumerable.Empty<HelpParagraph>(),
            };

        /// <summary>A block's lines as written, without trailing spaces or blank lines at either end.</summary>
        private static IReadOnlyList<string> Lines(LeafBlock block)
        {
            var lines = Enumerable.Range(0, block.Lines.Count).Select(i => block.Lines.Lines[i].Slice.ToString().TrimEnd()).ToList();
            return lines.SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse().ToList();
        }

        private static IEnumerable<string> Items(ListBlock list) =>
            list.OfType<ListItemBlock>().SelectMany(item =>
                item.OfType<ListBlock>().SelectMany(Items).Prepend(
                    string.Join(" ", item.OfType<LeafBlock>().Where(b => b.Inline != null).Select(b => PlainText.Of(b.Inline)))));
    }
}
