using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig.Syntax;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// Reads a help page with Markdig and files its top-level blocks under their "##" and "###"
    /// headings. Deeper headings stay in the text, a "#" line inside code is code, and what stands
    /// before the first "##" (the "# Name" title) is not help text.
    /// </summary>
    public static class HelpPageReader
    {
        public static HelpPage Read(string path)
        {
            var sections = new List<PageSection>();
            foreach (var block in Markdig.Markdown.Parse(File.ReadAllText(path)))
            {
                var section = sections.LastOrDefault();
                if (block is HeadingBlock { Level: 2 } heading)
                {
                    sections.Add(new PageSection(PlainText.Of(heading.Inline), LineOf(heading)));
                }
                else if (block is HeadingBlock { Level: 3 } subheading && section != null)
                {
                    section.Subsections.Add(new PageSection(PlainText.Of(subheading.Inline), LineOf(subheading)));
                }
                else
                {
                    (section?.Subsections.LastOrDefault() ?? section)?.Blocks.Add(block);
                }
            }

            return new HelpPage(path, sections);
        }

        /// <summary>The 1-based line a block starts on (Markdig counts from 0).</summary>
        public static int LineOf(Block block) => block.Line + 1;
    }
}
