using System.Collections.Generic;
using System.Linq;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// A block of prose: for Text one line of flowing text; for List one line per item (without its
    /// bullet); for Code the lines as written.
    /// </summary>
    public sealed record HelpParagraph(ParagraphKind Kind, IReadOnlyList<string> Lines)
    {
        /// <summary>The paragraph as plain text: list items bulleted, code lines as they are.</summary>
        public string ToPlainText() =>
            Kind == ParagraphKind.List
                ? string.Join("\n", Lines.Select(l => "- " + l))
                : string.Join("\n", Lines);
    }
}
