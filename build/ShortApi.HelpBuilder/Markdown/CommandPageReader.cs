using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ShortApi.HelpBuilder.Validation;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Reads one cmdlet's page (the layout is described in docs/help/README.md) into its help, and
    /// reports where the page leaves that layout, since text out of place would silently go missing.
    /// </summary>
    public sealed class CommandPageReader
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

        private readonly List<HelpProblem> _problems;
        private string _path = string.Empty;

        public CommandPageReader(List<HelpProblem> problems)
        {
            _problems = problems;
        }

        public CommandHelpDocument Read(string path)
        {
            _path = path;
            var outline = PageOutlineReader.Read(path, _problems);
            CheckSections(outline);

            return new CommandHelpDocument(path)
            {
                Synopsis = outline.Section(Synopsis)?.Prose ?? Array.Empty<HelpParagraph>(),
                Description = outline.Section(Description)?.Prose ?? Array.Empty<HelpParagraph>(),
                Examples = ReadExamples(outline.Section(Examples)),
                ExamplesLine = outline.Section(Examples)?.Line ?? 1,
                Parameters = ReadParameters(outline.Section(ParametersSection)),
                ParametersLine = outline.Section(ParametersSection)?.Line ?? 1,
                Inputs = ReadTypes(outline.Section(Inputs)),
                Outputs = ReadTypes(outline.Section(Outputs)),
                Notes = outline.Section(Notes)?.Prose ?? Array.Empty<HelpParagraph>(),
                RelatedLinks = ReadLinks(outline.Section(RelatedLinks)),
            };
        }

        private void CheckSections(PageOutline outline)
        {
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

            foreach (var found in new[] { Synopsis, Description }.Select(outline.Section).OfType<PageSection>().Where(s => s.Prose.Count == 0))
            {
                Report(HelpProblemCodes.MissingSection, found.Line, $"the '## {found.Heading}' section is empty.");
            }

            foreach (var found in new[] { Synopsis, Description, Notes, RelatedLinks }.Select(outline.Section).OfType<PageSection>().Where(s => s.Subsections.Count > 0))
            {
                Report(HelpProblemCodes.Malformed, found.Subsections[0].Line, $"'## {found.Heading}' takes prose only, no '###' headings.");
            }
        }

        private IReadOnlyList<HelpExample> ReadExamples(PageSection? section)
        {
            var examples = new List<HelpExample>();
            RejectLooseText(section, "each example goes under its own '### Example N: Title' heading");
            foreach (var sub in section?.Subsections ?? new List<PageSection>())
            {
                var heading = ExampleHeading.Match(sub.Heading);
                int number = examples.Count + 1;
                if (!heading.Success || heading.Groups[1].Value != number.ToString(CultureInfo.InvariantCulture))
                {
                    Report(HelpProblemCodes.Malformed, sub.Line, $"the heading should read '### Example {number}: <what it shows>'.");
                    continue;
                }

                // The code comes first; the remarks after it may hold more blocks, such as sample output.
                var first = sub.Blocks.FirstOrDefault();
                if (!(first is FencedCodeBlock code) || ProseReader.CodeLines(code).Count == 0)
                {
                    Report(HelpProblemCodes.Malformed, first == null ? sub.Line : PageOutlineReader.LineOf(first), "an example starts with its code in a ```powershell block; the remarks follow it.");
                    continue;
                }

                string title = heading.Groups[2].Value.Trim();
                examples.Add(new HelpExample(number, title, string.Join("\n", ProseReader.CodeLines(code)), ProseReader.Read(sub.Blocks.Skip(1)), sub.Line));
            }

            return examples;
        }

        private IReadOnlyList<DocumentedItem> ReadParameters(PageSection? section)
        {
            var parameters = new List<DocumentedItem>();
            RejectLooseText(section, "each parameter goes under its own '### -Name' heading");
            foreach (var sub in section?.Subsections ?? new List<PageSection>())
            {
                if (!Regex.IsMatch(sub.Heading, @"^-\S+$"))
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

                if (sub.Prose.Count == 0)
                {
                    Report(HelpProblemCodes.UndocumentedParameter, sub.Line, $"-{name} has a heading but no description.");
                }

                parameters.Add(new DocumentedItem(name, sub.Line, sub.Prose));
            }

            return parameters;
        }

        private TypeSection ReadTypes(PageSection? section)
        {
            if (section == null)
            {
                return TypeSection.Empty;
            }

            foreach (var sub in section.Subsections.Where(s => s.Prose.Count == 0))
            {
                Report(HelpProblemCodes.UndocumentedType, sub.Line, $"'### {sub.Heading}' has a heading but no description.");
            }

            var types = section.Subsections.Select(s => new DocumentedItem(s.Heading, s.Line, s.Prose)).ToList();
            return new TypeSection(section.Prose, types, section.Line);
        }

        /// <summary>A list whose items are each a link ("[Name](Name.md)") or plain text; where links may point is checked later.</summary>
        private IReadOnlyList<RelatedLink> ReadLinks(PageSection? section)
        {
            var links = new List<RelatedLink>();
            foreach (var block in section?.Blocks ?? new List<Block>())
            {
                if (!(block is ListBlock list))
                {
                    Report(HelpProblemCodes.Malformed, PageOutlineReader.LineOf(block), "RELATED LINKS takes a list: '- [Cmdlet-Name](Cmdlet-Name.md)'.");
                    continue;
                }

                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var inline = (item.FirstOrDefault() as ParagraphBlock)?.Inline;
                    var link = inline?.FirstChild is LinkInline only && only.NextSibling == null ? only : null;
                    links.Add(new RelatedLink(PlainText.Of(link ?? inline), link?.Url, PageOutlineReader.LineOf(item)));
                }
            }

            return links;
        }

        private void RejectLooseText(PageSection? section, string advice)
        {
            var loose = section?.Blocks.FirstOrDefault();
            if (loose != null)
            {
                Report(HelpProblemCodes.Malformed, PageOutlineReader.LineOf(loose), $"text directly under '## {section!.Heading}' has no place in help: {advice}.");
            }
        }

        private void Report(string code, int? line, string message) => _problems.Add(new HelpProblem(code, _path, line, message));
    }
}
