using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ShortApi.HelpBuilder.Markdown;

namespace ShortApi.HelpBuilder.Output
{
    /// <summary>
    /// Writes an about topic as the plain text Get-Help shows (about_Name.help.txt): "TOPIC" and the
    /// name, then each section's heading in capitals with its text wrapped at 80 columns and indented
    /// four spaces. The first section's first line lands on line 5, where Get-Help reads the synopsis.
    /// </summary>
    public static class AboutTopicWriter
    {
        private const int Width = 80;
        private const string Indent = "    ";

        public static void Write(string path, HelpPage topic)
        {
            var lines = new List<string> { "TOPIC", Indent + topic.Name };
            foreach (var section in topic.Sections)
            {
                lines.Add(string.Empty);
                lines.Add(section.Heading.ToUpperInvariant());
                lines.AddRange(Paragraphs(section.Prose));
                foreach (var sub in section.Subsections)
                {
                    lines.AddRange(new[] { string.Empty, Indent + sub.Heading, Indent + new string('-', sub.Heading.Length) });
                    lines.AddRange(Paragraphs(sub.Prose));
                }
            }

            File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        }

        /// <summary>The first paragraph follows its heading directly; the others are a blank line apart.</summary>
        private static IEnumerable<string> Paragraphs(IReadOnlyList<HelpParagraph> paragraphs) =>
            paragraphs.SelectMany((paragraph, i) => (i == 0 ? Enumerable.Empty<string>() : new[] { string.Empty }).Concat(paragraph.Kind switch
            {
                ParagraphKind.Code => paragraph.Lines.Select(l => l.Length == 0 ? string.Empty : Indent + Indent + l),
                ParagraphKind.List => paragraph.Lines.SelectMany(item => Wrap(item, Indent + "- ", Indent + "  ")),
                _ => Wrap(paragraph.Lines[0], Indent, Indent),
            }));

        /// <summary>Wraps at word boundaries; a word longer than the line gets a line of its own.</summary>
        private static IEnumerable<string> Wrap(string text, string firstPrefix, string restPrefix)
        {
            string prefix = firstPrefix;
            string line = string.Empty;
            foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && prefix.Length + line.Length + 1 + word.Length > Width)
                {
                    yield return prefix + line;
                    (prefix, line) = (restPrefix, string.Empty);
                }

                line = line.Length == 0 ? word : line + " " + word;
            }

            if (line.Length > 0)
            {
                yield return prefix + line;
            }
        }
    }
}
