using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig.Syntax;
using ShortApi.HelpBuilder.Validation;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Parses a help page with Markdig and files its top-level blocks under their "##" and "###"
    /// headings. Deeper headings stay in the text; "#" lines inside code are code, as Markdig knows.
    /// Reports what would otherwise go missing from the help without a word: a page that is not
    /// titled "# &lt;file name&gt;", text under no section, and a code block left open.
    /// </summary>
    public static class PageOutlineReader
    {
        public static PageOutline Read(string path, List<HelpProblem> problems)
        {
            void Report(Block block, string message) => problems.Add(new HelpProblem(HelpProblemCodes.Malformed, path, LineOf(block), message));

            string name = Path.GetFileNameWithoutExtension(path);
            var blocks = Markdig.Markdown.Parse(File.ReadAllText(path)).ToList();
            bool titled = blocks.FirstOrDefault() is HeadingBlock { Level: 1 };
            if (!titled || !string.Equals(PlainText.Of(((HeadingBlock)blocks[0]).Inline), name, StringComparison.Ordinal))
            {
                problems.Add(new HelpProblem(HelpProblemCodes.Malformed, path, 1, $"the page must start with '# {name}', the name of the topic it documents."));
            }

            var outline = new PageOutline();
            PageSection? section = null;
            PageSection? subsection = null;
            bool stray = false;
            foreach (var block in blocks.Skip(titled ? 1 : 0))
            {
                switch (block)
                {
                    case HeadingBlock { Level: 2 } heading:
                        section = new PageSection(PlainText.Of(heading.Inline), LineOf(heading));
                        subsection = null;
                        outline.Sections.Add(section);
                        continue;
                    case HeadingBlock { Level: 3 } heading when section != null:
                        subsection = new PageSection(PlainText.Of(heading.Inline), LineOf(heading));
                        section.Subsections.Add(subsection);
                        continue;
                    case FencedCodeBlock { ClosingFencedCharCount: 0 }:
                        // Markdig runs an unclosed fence to the end of the file, swallowing every heading after it.
                        Report(block, "this code block is not closed with ```, so the rest of the page reads as code.");
                        break;
                }

                if (section == null && !stray)
                {
                    stray = true;
                    Report(block, "text outside any '## SECTION' has no place in help; move it under a section.");
                }

                (subsection ?? section)?.Blocks.Add(block);
            }

            return outline;
        }

        /// <summary>The 1-based line a block starts on (Markdig counts from 0).</summary>
        public static int LineOf(Block block) => block.Line + 1;
    }
}
