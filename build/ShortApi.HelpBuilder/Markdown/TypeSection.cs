using System;
using System.Collections.Generic;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>
    /// INPUTS or OUTPUTS: prose for each type the cmdlet takes or emits ("### System.String[]"),
    /// and prose under no type, used when it takes or emits nothing.
    /// </summary>
    public sealed record TypeSection(IReadOnlyList<HelpParagraph> Prose, IReadOnlyList<DocumentedItem> Types, int Line)
    {
        public static readonly TypeSection Empty = new TypeSection(Array.Empty<HelpParagraph>(), Array.Empty<DocumentedItem>(), 0);
    }
}
