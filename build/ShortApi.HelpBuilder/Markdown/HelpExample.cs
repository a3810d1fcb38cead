using System.Collections.Generic;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>An "### Example N: Title" block: the code to run and the remarks that explain it.</summary>
    public sealed record HelpExample(int Number, string Title, string Code, IReadOnlyList<HelpParagraph> Remarks, int Line);
}
