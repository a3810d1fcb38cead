using System.Collections.Generic;
using System.IO;
using Markdig.Syntax;
using ShortApi.HelpBuilder.Validation;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Parses a help page with Markdig and files its top-level blocks under their "#", "##" and "###"
    /// headings. Deeper headings stay in the text; "#" lines inside code are code, as Markdig knows.
    /// </summary>
    public static class PageOutlineReader
    {
        public static PageOutline Read(string path, List<HelpProblem> problems)
        {
            var outline = new PageOutline(path);
            PageSection? section = null;
            PageSection? subsection = null;
            foreach (var block in Markdig.Markdown.Parse(File.ReadAllText(path)))
            {
                switch (block)
                {
                    case HeadingBlock { Level: 1 } title when outline.Title == null:
                        outline.Title = PlainText.Of(title.Inline);
                        outline.TitleLine = LineOf(title);
                        continue;
                    case HeadingBlock { Level: 2 } heading:
                        section = new PageSection(PlainText.Of(heading.Inline), LineOf(heading));
                        subsection = null;
                        outline.Sections.Add(section);
                        continue;
                    case HeadingBlock { Level: 3 } heading when section != null:
                        subsection = new PageSection(PlainText.Of(heading.Inline), LineOf(heading));
                        section.Subsections.Add(subsection);
                        continue;
                    case FencedCodeBlock { ClosingFencedCharCount: 0 } open:
                        // Markdig runs an unclosed fence to the end of the file, swallowing every heading after it.
                        problems.Add(new HelpProblem(HelpProblemCodes.Malformed, path, LineOf(open), "this code block is not closed with ```, so the rest of the page reads as code."));
                        break;
                }

                var body = subsection?.Blocks ?? section?.Blocks;
                if (body != null)
                {
                    body.Add(block);
                }
                else if (outline.StrayLine == 0 && !(block is LinkReferenceDefinitionGroup))
                {
                    outline.StrayLine = LineOf(block);
                }
            }

            return outline;
        }

        /// <summary>The 1-based line a block starts on (Markdig counts from 0).</summary>
        public static int LineOf(Block block) => block.Line + 1;
    }
}
