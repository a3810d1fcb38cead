using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.PowerShell.Completion
{
    /// <summary>Prefix filtering and quoting shared by the completers.</summary>
    internal static class CompletionText
    {
        public static IEnumerable<string> Filter(IEnumerable<string> values, string? wordToComplete)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Quotes a value that PowerShell would otherwise not read as one word.</summary>
        public static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', ',', '(', ')', '{', '}', '@', '#' }) >= 0
                ? "'" + value.Replace("'", "''") + "'"
                : value;
    }
}
