using System.IO;
using System.Text.RegularExpressions;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Splits markdown into its outline by ATX headings ("#", "##", "###"), ignoring "#" lines inside
    /// fenced code (PowerShell comments). Deeper headings stay in the body as text.
    /// </summary>
    public static class MarkdownOutlineParser
    {
        private static readonly Regex Heading = new Regex(@"^(#{1,3})\s+(.+?)\s*#*\s*$", RegexOptions.CultureInvariant);

        public static MarkdownOutline Parse(string path) => Parse(path, File.ReadAllLines(path));

        public static MarkdownOutline Parse(string path, string[] lines)
        {
            var outline = new MarkdownOutline(path);
            MarkdownSection? section = null;
            MarkdownSection? subsection = null;
            bool inFence = false;

            for (int i = 0; i < lines.Length; i++)
            {
                var line = new SourceLine(i + 1, lines[i].TrimEnd());
                var match = inFence ? Match.Empty : Heading.Match(line.Text);
                if (line.IsFence)
                {
                    inFence = !inFence;
                }

                if (!match.Success)
                {
                    var target = subsection?.Body ?? section?.Body ?? outline.Stray;
                    if (target != outline.Stray || !line.IsBlank)
                    {
                        target.Add(line);
                    }

                    continue;
                }

                string text = match.Groups[2].Value;
                switch (match.Groups[1].Value.Length)
                {
                    case 1 when outline.Title == null:
                        outline.Title = text;
                        outline.TitleLine = line.Number;
                        break;
                    case 1:
                        outline.Stray.Add(line); // a second title: reported as stray text
                        break;
                    case 2:
                        section = new MarkdownSection(text, line.Number);
                        subsection = null;
                        outline.Sections.Add(section);
                        break;
                    default:
                        if (section == null)
                        {
                            outline.Stray.Add(line);
                            break;
                        }

                        subsection = new MarkdownSection(text, line.Number);
                        section.Subsections.Add(subsection);
                        break;
                }
            }

            return outline;
        }
    }
}
