using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Turns markdown body lines into paragraphs: blank lines separate paragraphs, wrapped lines
    /// join, "- " or "* " lines make a list (an indented line continues the item), fenced blocks
    /// stay as code.
    /// </summary>
    public static class ProseConverter
    {
        private static readonly Regex Bullet = new Regex(@"^\s{0,3}[-*]\s+(.*)$", RegexOptions.CultureInvariant);

        /// <param name="lines">The body lines.</param>
        /// <param name="stripInlineMarkup">False to keep inline markup, for callers that read it (link lists).</param>
        public static IReadOnlyList<HelpParagraph> ToParagraphs(IEnumerable<SourceLine> lines, bool stripInlineMarkup = true)
        {
            string Inline(string text) => stripInlineMarkup ? InlineMarkup.Strip(text) : text;

            var paragraphs = new List<HelpParagraph>();
            var text = new List<string>();
            var items = new List<string>();
            List<string>? code = null;

            void Flush()
            {
                if (text.Count > 0)
                {
                    paragraphs.Add(new HelpParagraph(ParagraphKind.Text, new[] { Inline(string.Join(" ", text)) }));
                    text.Clear();
                }

                if (items.Count > 0)
                {
                    paragraphs.Add(new HelpParagraph(ParagraphKind.List, items.ConvertAll(Inline)));
                    items.Clear();
                }
            }

            foreach (var line in lines)
            {
                if (code != null)
                {
                    if (line.IsFence)
                    {
                        paragraphs.Add(new HelpParagraph(ParagraphKind.Code, TrimBlankEdges(code)));
                        code = null;
                    }
                    else
                    {
                        code.Add(line.Text);
                    }

                    continue;
                }

                if (line.IsFence)
                {
                    Flush();
                    code = new List<string>();
                    continue;
                }

                if (line.IsBlank)
                {
                    Flush();
                    continue;
                }

                var bullet = Bullet.Match(line.Text);
                if (bullet.Success)
                {
                    if (text.Count > 0)
                    {
                        Flush();
                    }

                    items.Add(bullet.Groups[1].Value.Trim());
                }
                else if (items.Count > 0 && char.IsWhiteSpace(line.Text[0]))
                {
                    items[items.Count - 1] += " " + line.Text.Trim();
                }
                else
                {
                    if (items.Count > 0)
                    {
                        Flush();
                    }

                    text.Add(line.Text.Trim());
                }
            }

            if (code != null)
            {
                paragraphs.Add(new HelpParagraph(ParagraphKind.Code, TrimBlankEdges(code))); // an unclosed fence runs to the end
            }

            Flush();
            return paragraphs;
        }

        private static IReadOnlyList<string> TrimBlankEdges(List<string> lines)
        {
            int start = 0;
            int end = lines.Count;
            while (start < end && string.IsNullOrWhiteSpace(lines[start]))
            {
                start++;
            }

            while (end > start && string.IsNullOrWhiteSpace(lines[end - 1]))
            {
                end--;
            }

            return lines.GetRange(start, end - start).ToArray();
        }
    }
}
