using System.Collections.Generic;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>An example: its "###" heading, the code to run, and the remarks that explain it.</summary>
    public sealed record HelpExample(string Title, string Code, IReadOnlyList<HelpParagraph> Remarks);
}
