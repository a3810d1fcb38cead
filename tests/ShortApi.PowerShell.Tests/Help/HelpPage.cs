using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ShortApi.PowerShell.Tests.Help
{
    /// <summary>
    /// A cmdlet's help markdown, read by the tests on their own (not by the builder's reader), so a
    /// mistake in the builder cannot hide a gap in the help: "## SECTION" bodies, "### -Parameter"
    /// headings and "### Example N:" blocks. Lines inside fenced code are never headings.
    /// </summary>
    internal sealed class HelpPage
    {
        private readonly Dictionary<string, List<string>> _sections = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        private HelpPage(string title)
        {
            Title = title;
        }

        public string Title { get; }

        public static HelpPage Load(string path)
        {
            var lines = File.ReadAllLines(path);
            var page = new HelpPage(lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?.Substring(2).Trim() ?? string.Empty);
            List<string>? current = null;
            bool fenced = false;
            foreach (string line in lines)
            {
                if (!fenced && line.StartsWith("## ", StringComparison.Ordinal))
                {
                    current = new List<string>();
                    page._sections[line.Substring(3).Trim()] = current;
                    continue;
                }

                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    fenced = !fenced;
                }

                current?.Add(line);
            }

            return page;
        }

        public bool Has(string section) => _sections.ContainsKey(section);

        /// <summary>The section's text without its blank lines; empty when there is no such section.</summary>
        public string Text(string section) =>
            _sections.TryGetValue(section, out var lines) ? string.Join("\n", lines.Where(l => l.Trim().Length > 0)) : string.Empty;

        /// <summary>The parameter names of the "### -Name" headings under PARAMETERS.</summary>
        public IReadOnlyList<string> DocumentedParameters => Headings("PARAMETERS")
            .Where(h => h.StartsWith("-", StringComparison.Ordinal))
            .Select(h => h.Substring(1))
            .ToList();

        /// <summary>The examples under EXAMPLES that have a title and start with a powershell code block.</summary>
        public IReadOnlyList<string> ExampleCode
        {
            get
            {
                string text = string.Join("\n", _sections.TryGetValue("EXAMPLES", out var lines) ? lines : new List<string>());
                return Regex.Matches(text, @"^### Example \d+: \S[^\n]*\n```powershell\n(.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline)
                    .Select(m => m.Groups[1].Value)
                    .Where(code => code.Trim().Length > 0)
                    .ToList();
            }
        }

        private IEnumerable<string> Headings(string section)
        {
            bool fenced = false;
            foreach (string line in _sections.TryGetValue(section, out var lines) ? lines : new List<string>())
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    fenced = !fenced;
                }
                else if (!fenced && line.StartsWith("### ", StringComparison.Ordinal))
                {
                    yield return line.Substring(4).Trim();
                }
            }
        }
    }
}
