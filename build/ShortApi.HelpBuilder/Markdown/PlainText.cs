using System;
using System.Text;
using Markdig.Syntax.Inlines;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Inline markdown as the plain text a console shows: emphasis and `code` keep their text, a link
    /// keeps its text with an absolute address after it, and raw HTML (ShortApi.&lt;Reason&gt;) stays as typed.
    /// </summary>
    public static class PlainText
    {
        /// <summary>The text of what <paramref name="inlines"/> holds (for a link: its text alone).</summary>
        public static string Of(ContainerInline? inlines)
        {
            var text = new StringBuilder();
            if (inlines != null)
            {
                AppendChildren(text, inlines);
            }

            return text.ToString().Trim();
        }

        private static void Append(StringBuilder text, Inline? inline)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case HtmlInline html:
                    text.Append(html.Tag);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LinkInline link:
                    AppendChildren(text, link);
                    if (!link.IsImage && IsAbsolute(link.Url))
                    {
                        text.Append(" (").Append(link.Url).Append(')');
                    }

                    break;
                case ContainerInline container:
                    AppendChildren(text, container);
                    break;
            }
        }

        private static void AppendChildren(StringBuilder text, ContainerInline container)
        {
            foreach (var child in container)
            {
                Append(text, child);
            }
        }

        public static bool IsAbsolute(string? url) => url != null && url.Contains("://", StringComparison.Ordinal);
    }
}
