using System.Collections.Generic;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>A "###" entry keyed by name (a parameter such as -Model, or a type under INPUTS/OUTPUTS) and its prose.</summary>
    public sealed record DocumentedItem(string Name, int Line, IReadOnlyList<HelpParagraph> Paragraphs);
}
