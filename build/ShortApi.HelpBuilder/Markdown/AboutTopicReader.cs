using System.Collections.Generic;
using System.IO;
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
            var headings = outline.Sections.Select(s => s.Heading.ToUpperInvariant()).ToList();
            if (headings.Count < 2 || headings[0] != ShortDescription || headings[1] != LongDescription)
            {
                _problems.Add(new HelpProblem(HelpProblemCodes.MissingSection, path, null, $"an about topic starts with '## {ShortDescription}' and then '## {LongDescription}'."));
            }

            var shortDescription = outline.Section(ShortDescription);
            var paragraphs = shortDescription?.Prose;
            if (paragraphs != null && (paragraphs.Count != 1 || paragraphs[0].Kind != ParagraphKind.Text || paragraphs[0].Lines[0].Length > MaxShortDescriptionLength))
            {
                _problems.Add(new HelpProblem(HelpProblemCodes.Malformed, path, shortDescription!.Line, $"the short description is one sentence of at most {MaxShortDescriptionLength} characters: Get-Help shows its first line as the synopsis."));
            }

            return new AboutTopicDocument(Path.GetFileNameWithoutExtension(path), outline.Sections);
        }
    }
}
