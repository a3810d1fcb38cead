using System.Text.RegularExpressions;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Removes the inline markdown that would show as noise in a console: `code` and **bold** keep
    /// their text, [text](url) keeps the text and shows an absolute URL after it.
    /// </summary>
    public static class InlineMarkup
    {
        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\(([^)\s]+)\)", RegexOptions.CultureInvariant);
        private static readonly Regex Code = new Regex("`([^`]+)`", RegexOptions.CultureInvariant);
        private static readonly Regex Bold = new Regex(@"\*\*([^*]+)\*\*", RegexOptions.CultureInvariant);

        public static string Strip(string text)
        {
            string result = Link.Replace(text, m => m.Groups[2].Value.Contains("://", System.StringComparison.Ordinal) ? $"{m.Groups[1].Value} ({m.Groups[2].Value})" : m.Groups[1].Value);
            result = Code.Replace(result, "$1");
            return Bold.Replace(result, "$1");
        }
    }
}
