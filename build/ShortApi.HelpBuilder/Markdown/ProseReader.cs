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

        /// <summary>The code's lines without trailing spaces or blank lines at either end.</summary>
        public static IReadOnlyList<string> CodeLines(LeafBlock code)
        {
            var lines = Enumerable.Range(0, code.Lines.Count).Select(i => code.Lines.Lines[i].Slice.ToString().TrimEnd()).ToList();
            return lines.SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse().ToList();
        }

        private static IEnumerable<HelpParagraph> Paragraphs(Block block)
        {
            switch (block)
            {
                case CodeBlock code when CodeLines(code).Count > 0:
                    return new[] { new HelpParagraph(ParagraphKind.Code, CodeLines(code)) };
                case ListBlock list:
                    return new[] { new HelpParagraph(ParagraphKind.List, Items(list).ToList()) };
                case LeafBlock { Inline: { } inline }:
                    return new[] { new HelpParagraph(ParagraphKind.Text, new[] { PlainText.Of(inline) }) };
                case HtmlBlock html:
                    return new[] { new HelpParagraph(ParagraphKind.Text, new[] { string.Join(" ", CodeLines(html).Select(l => l.Trim())) }) };
                case QuoteBlock quote:
                    return quote.SelectMany(Paragraphs);
                default:
                    return Enumerable.Empty<HelpParagraph>();
            }
        }

        private static IEnumerable<string> Items(ListBlock list)
        {
            foreach (var item in list.OfType<ListItemBlock>())
            {
                yield return string.Join(" ", item.OfType<LeafBlock>().Where(b => b.Inline != null).Select(b => PlainText.Of(b.Inline)));
                foreach (string nested in item.OfType<ListBlock>().SelectMany(Items))
                {
                    yield return nested;
                }
            }
        }
    }
}
