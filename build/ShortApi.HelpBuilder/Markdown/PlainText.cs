using System;
using System.Linq;
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
        public static string Of(ContainerInline? inlines) => inlines == null ? string.Empty : Children(inlines).Trim();

        public static bool IsAbsolute(string? url) => url != null && url.Contains("://", StringComparison.Ordinal);

        private static string Children(ContainerInline container) => string.Concat(container.Select(Text));

        private static string Text(Inline inline) =>
            inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                LineBreakInline => " ",
                HtmlInline html => html.Tag,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                AutolinkInline autolink => autolink.Url,
                LinkInline { IsImage: false } link when IsAbsolute(link.Url) => $"{Children(link)} ({link.Url})",
                ContainerInline container => Children(container),
                _ => string.Empty,
            };
    }
}
