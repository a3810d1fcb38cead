using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ShortApi.HelpBuilder.Markdown;

namespace ShortApi.HelpBuilder.Output
{
    /// <summary>
    /// Writes an about topic as the plain text Get-Help shows (about_Name.help.txt): "TOPIC" and the
    /// name, then each section's heading in capitals with its text wrapped at 80 columns and
    /// indented. The short description lands on line 5, where Get-Help reads the synopsis.
    /// </summary>
    public static class AboutTopicWriter
    {
        private const int Width = 80;
        private static readonly string Indent = new string(' ', 4);

        public static void Write(string path, HelpPage topic)
        {
            var lines = new List<string> { "TOPIC", Indent + topic.Name };
            foreach (var section in topic.Sections)
            {
                lines.Add(string.Empty);
                lines.Add(section.Heading.ToUpperInvariant());
                AddParagraphs(lines, section.Prose, Indent);
                foreach (var sub in section.Subsections)
                {
                    lines.Add(string.Empty);
                    lines.Add(Indent + sub.Heading);
                    lines.Add(Indent + new string('-', sub.Heading.Length));
                    AddParagraphs(lines, sub.Prose, Indent);
                }
            }

            File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        }

        private static void AddParagraphs(List<string> lines, IReadOnlyList<HelpParagraph> paragraphs, string indent)
        {
            for (int i = 0; i < paragraphs.Count; i++)
            {
                // The first paragraph follows its heading directly; the others are a blank line apart.
                if (i > 0)
                {
                    lines.Add(string.Empty);
                }

                var paragraph = paragraphs[i];
                switch (paragraph.Kind)
                {
                    case ParagraphKind.Code:
                        lines.AddRange(paragraph.Lines.Select(l => l.Length == 0 ? string.Empty : indent + Indent + l));
                        break;
                    case ParagraphKind.List:
                        foreach (string item in paragraph.Lines)
                        {
                            lines.AddRange(TextWrapper.Wrap(item, Width, indent + "- ", indent + "  "));
                        }

                        break;
                    default:
                        lines.AddRange(TextWrapper.Wrap(paragraph.Lines[0], Width, indent, indent));
                        break;
                }
            }
        }
    }
}
