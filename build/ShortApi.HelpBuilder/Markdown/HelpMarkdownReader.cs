using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ShortApi.HelpBuilder.Validation;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Reads one cmdlet's markdown (the layout is described in docs/help/README.md) and reports
    /// anything out of shape. It holds prose and examples only; parameter facts come from the assembly.
    /// </summary>
    public sealed class HelpMarkdownReader
    {
        public const string Synopsis = "SYNOPSIS";
        public const string Description = "DESCRIPTION";
        public const string Examples = "EXAMPLES";
        public const string ParametersSection = "PARAMETERS";
        public const string Inputs = "INPUTS";
        public const string Outputs = "OUTPUTS";
        public const string Notes = "NOTES";
        public const string RelatedLinks = "RELATED LINKS";

        private static readonly string[] RequiredSections = { Synopsis, Description, Examples, ParametersSection, Inputs, Outputs };
        private static readonly string[] KnownSections = RequiredSections.Concat(new[] { Notes, RelatedLinks }).ToArray();
        private static readonly Regex ExampleHeading = new Regex(@"^Example\s+(\d+)\s*:\s*(.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex LinkItem = new Regex(@"^\[([^\]]+)\]\(([^)\s]*)\)$", RegexOptions.CultureInvariant);

        private readonly List<HelpProblem> _problems;
        private string _path = string.Empty;

        public HelpMarkdownReader(List<HelpProblem> problems)
        {
            _problems = problems;
        }

        public CommandHelpDocument Read(string path)
        {
            _path = path;
            var outline = MarkdownOutlineParser.Parse(path);
            string expected = System.IO.Path.GetFileNameWithoutExtension(path);
            CheckOutline(outline, expected);

            return new CommandHelpDocument(path, outline.Title ?? expected)
            {
                Synopsis = Prose(outline, Synopsis),
                Description = Prose(outline, Description),
                Examples = ReadExamples(outline.Section(Examples)),
                ExamplesLine = outline.Section(Examples)?.Line ?? 1,
                Parameters = ReadParameters(outline.Section(ParametersSection)),
                ParametersLine = outline.Section(ParametersSection)?.Line ?? 1,
                Inputs = ReadTypes(outline.Section(Inputs)),
                Outputs = ReadTypes(outline.Section(Outputs)),
                Notes = Prose(outline, Notes),
                RelatedLinks = ReadLinks(outline.Section(RelatedLinks)),
            };
        }

        private void CheckOutline(MarkdownOutline outline, string expectedTitle)
        {
            if (!string.Equals(outline.Title, expectedTitle, StringComparison.Ordinal))
            {
                Report(HelpProblemCodes.Malformed, outline.Title == null ? 1 : outline.TitleLine, $"the file must start with '# {expectedTitle}', the name of the cmdlet it documents.");
            }

            if (outline.Stray.Count > 0)
            {
                Report(HelpProblemCodes.Malformed, outline.Stray[0].Number, "text outside any '## SECTION' has no place in help; move it under a section.");
            }

            foreach (var group in outline.Sections.GroupBy(s => s.Heading.ToUpperInvariant()))
            {
                var first = group.First();
                if (!KnownSections.Contains(group.Key))
                {
                    Report(HelpProblemCodes.Malformed, first.Line, $"'## {first.Heading}' is not a help section; use {string.Join(", ", KnownSections)}.");
                }
                else if (group.Count() > 1)
                {
                    Report(HelpProblemCodes.Malformed, group.ElementAt(1).Line, $"'## {first.Heading}' appears more than once.");
                }
            }

            foreach (string section in RequiredSections.Where(s => outline.Section(s) == null))
            {
                Report(HelpProblemCodes.MissingSection, null, $"the '## {section}' section is missing.");
            }

            foreach (string section in new[] { Synopsis, Description })
            {
                var found = outline.Section(section);
                if (found != null && found.Body.All(l => l.IsBlank))
                {
                    Report(HelpProblemCodes.MissingSection, found.Line, $"the '## {section}' section is empty.");
                }

                if (found != null && found.Subsections.Count > 0)
                {
                    Report(HelpProblemCodes.Malformed, found.Subsections[0].Line, $"'## {section}' takes prose only, no '###' headings.");
                }
            }
        }

        private static IReadOnlyList<HelpParagraph> Prose(MarkdownOutline outline, string heading) =>
            outline.Section(heading) is { } section ? ProseConverter.ToParagraphs(section.Body) : Array.Empty<HelpParagraph>();

        private IReadOnlyList<HelpExample> ReadExamples(MarkdownSection? section)
        {
            var examples = new List<HelpExample>();
            if (section == null)
            {
                return examples;
            }

            RejectLooseText(section, "each example goes under its own '### Example N: Title' heading");
            foreach (var sub in section.Subsections)
            {
                var heading = ExampleHeading.Match(sub.Heading);
                int number = examples.Count + 1;
                if (!heading.Success || heading.Groups[1].Value != number.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    Report(HelpProblemCodes.Malformed, sub.Line, $"the heading should read '### Example {number}: <what it shows>'.");
                    continue;
                }

                var example = ReadExample(sub, number, heading.Groups[2].Value.Trim());
                if (example != null)
                {
                    examples.Add(example);
                }
            }

            return examples;
        }

        /// <summary>An example is a fenced code block first, then remarks (which may hold more blocks, such as sample output).</summary>
        private HelpExample? ReadExample(MarkdownSection sub, int number, string title)
        {
            var lines = sub.Body.SkipWhile(l => l.IsBlank).ToList();
            if (lines.Count == 0 || !lines[0].IsFence)
            {
                Report(HelpProblemCodes.Malformed, lines.FirstOrDefault()?.Number ?? sub.Line, "an example starts with its code in a ```powershell block; the remarks follow it.");
                return null;
            }

            int close = lines.FindIndex(1, l => l.IsFence);
            if (close < 0)
            {
                Report(HelpProblemCodes.Malformed, lines[0].Number, "the example's code block is not closed with ```.");
                return null;
            }

            string code = string.Join("\n", lines.Skip(1).Take(close - 1).Select(l => l.Text));
            if (code.Trim().Length == 0)
            {
                Report(HelpProblemCodes.Malformed, lines[0].Number, "the example's code block is empty.");
                return null;
            }

            return new HelpExample(number, title, code, ProseConverter.ToParagraphs(lines.Skip(close + 1)), sub.Line);
        }

        private IReadOnlyList<DocumentedItem> ReadParameters(MarkdownSection? section)
        {
            var parameters = new List<DocumentedItem>();
            if (section == null)
            {
                return parameters;
            }

            RejectLooseText(section, "each parameter goes under its own '### -Name' heading");
            foreach (var sub in section.Subsections)
            {
                if (!sub.Heading.StartsWith("-", StringComparison.Ordinal) || sub.Heading.Length < 2 || sub.Heading.Contains(' ', StringComparison.Ordinal))
                {
                    Report(HelpProblemCodes.Malformed, sub.Line, $"'### {sub.Heading}' should name one parameter, as '### -Name'.");
                    continue;
                }

                string name = sub.Heading.Substring(1);
                if (parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    Report(HelpProblemCodes.Malformed, sub.Line, $"-{name} is documented twice.");
                    continue;
                }

                var paragraphs = ProseConverter.ToParagraphs(sub.Body);
                if (paragraphs.Count == 0)
                {
                    Report(HelpProblemCodes.UndocumentedParameter, sub.Line, $"-{name} has a heading but no description.");
                }

                parameters.Add(new DocumentedItem(name, sub.Line, paragraphs));
            }

            return parameters;
        }

        private TypeSection ReadTypes(MarkdownSection? section)
        {
            if (section == null)
            {
                return TypeSection.Empty;
            }

            var types = new List<DocumentedItem>();
            foreach (var sub in section.Subsections)
            {
                var paragraphs = ProseConverter.ToParagraphs(sub.Body);
                if (paragraphs.Count == 0)
                {
                    Report(HelpProblemCodes.UndocumentedType, sub.Line, $"'### {sub.Heading}' has a heading but no description.");
                }

                types.Add(new DocumentedItem(sub.Heading, sub.Line, paragraphs));
            }

            return new TypeSection(ProseConverter.ToParagraphs(section.Body), types, section.Line);
        }

        private IReadOnlyList<RelatedLink> ReadLinks(MarkdownSection? section)
        {
            var links = new List<RelatedLink>();
            if (section == null)
            {
                return links;
            }

            foreach (var paragraph in ProseConverter.ToParagraphs(section.Body, stripInlineMarkup: false))
            {
                if (paragraph.Kind != ParagraphKind.List)
                {
                    Report(HelpProblemCodes.Malformed, section.Line, "RELATED LINKS takes a list: '- [Text](Cmdlet-Name.md)' or '- [Text](https://...)'.");
                    continue;
                }

                foreach (string item in paragraph.Lines)
                {
                    var link = LinkItem.Match(item);
                    if (!link.Success)
                    {
                        links.Add(new RelatedLink(InlineMarkup.Strip(item), null));
                        continue;
                    }

                    // A link to another help page is shown by name only: Get-Help finds it by name.
                    string target = link.Groups[2].Value;
                    links.Add(new RelatedLink(InlineMarkup.Strip(link.Groups[1].Value), target.Contains("://", StringComparison.Ordinal) ? target : null));
                }
            }

            return links;
        }

        private void RejectLooseText(MarkdownSection section, string advice)
        {
            var loose = section.Body.FirstOrDefault(l => !l.IsBlank);
            if (loose != null)
            {
                Report(HelpProblemCodes.Malformed, loose.Number, $"text directly under '## {section.Heading}' has no place in help: {advice}.");
            }
        }

        private void Report(string code, int? line, string message) => _problems.Add(new HelpProblem(code, _path, line, message));
    }
}
