using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.HelpBuilder.Output;
using ShortApi.HelpBuilder.Validation;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Reads an about_*.md topic: "# about_Name", then "## SHORT DESCRIPTION" (one sentence: Get-Help
    /// shows it as the topic's synopsis), "## LONG DESCRIPTION", then any further "##" sections.
    /// </summary>
    public sealed class AboutTopicReader
    {
        public const string ShortDescription = "SHORT DESCRIPTION";
        public const string LongDescription = "LONG DESCRIPTION";

        /// <summary>Get-Help takes the fifth line of the text file as the synopsis, so the sentence must fit on it.</summary>
        public const int MaxShortDescriptionLength = AboutTopicLayout.Width - AboutTopicLayout.Indent;

        private readonly List<HelpProblem> _problems;

        public AboutTopicReader(List<HelpProblem> problems)
        {
            _problems = problems;
        }

        public AboutTopicDocument Read(string path)
        {
            var outline = PageOutlineReader.Read(path, _problems);
            string expected = System.IO.Path.GetFileNameWithoutExtension(path);
            if (!string.Equals(outline.Title, expected, StringComparison.Ordinal))
            {
                Report(path, outline.TitleLine, $"the file must start with '# {expected}'.");
            }

            if (outline.StrayLine > 0)
            {
                Report(path, outline.StrayLine, "text outside any '## SECTION' has no place in the topic; move it under a section.");
            }

            var headings = outline.Sections.Select(s => s.Heading.ToUpperInvariant()).ToList();
            if (headings.Count < 2 || headings[0] != ShortDescription || headings[1] != LongDescription)
            {
                _problems.Add(new HelpProblem(HelpProblemCodes.MissingSection, path, null, $"an about topic starts with '## {ShortDescription}' and then '## {LongDescription}'."));
            }

            var shortDescription = outline.Section(ShortDescription);
            if (shortDescription != null)
            {
                var paragraphs = shortDescription.Prose;
                if (paragraphs.Count != 1 || paragraphs[0].Kind != ParagraphKind.Text || paragraphs[0].Lines[0].Length > MaxShortDescriptionLength)
                {
                    Report(path, shortDescription.Line, $"the short description is one sentence of at most {MaxShortDescriptionLength} characters: Get-Help shows its first line as the synopsis.");
                }
            }

            return new AboutTopicDocument(outline.Title ?? expected, outline.Sections.Select(ToSection).ToList());
        }

        private static AboutSection ToSection(PageSection section) =>
            new AboutSection(section.Heading, section.Prose, section.Subsections.Select(ToSection).ToList());

        private void Report(string path, int line, string message) => _problems.Add(new HelpProblem(HelpProblemCodes.Malformed, path, line, message));
    }
}
