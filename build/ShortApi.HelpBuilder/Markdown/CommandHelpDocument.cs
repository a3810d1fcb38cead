using System;
using System.Collections.Generic;

namespace ShortApi.HelpBuilder.Markdown
{
    /// <summary>The prose of one cmdlet's help, as read from docs/help/&lt;culture&gt;/&lt;Cmdlet-Name&gt;.md.</summary>
    public sealed class CommandHelpDocument
    {
        public CommandHelpDocument(string path)
        {
            Path = path;
        }

        public string Path { get; }

        public IReadOnlyList<HelpParagraph> Synopsis { get; init; } = Array.Empty<HelpParagraph>();

        public IReadOnlyList<HelpParagraph> Description { get; init; } = Array.Empty<HelpParagraph>();

        public IReadOnlyList<HelpExample> Examples { get; init; } = Array.Empty<HelpExample>();

        /// <summary>Each "### -Name" under PARAMETERS, in the order written.</summary>
        public IReadOnlyList<DocumentedItem> Parameters { get; init; } = Array.Empty<DocumentedItem>();

        public TypeSection Inputs { get; init; } = TypeSection.Empty;

        public TypeSection Outputs { get; init; } = TypeSection.Empty;

        public IReadOnlyList<HelpParagraph> Notes { get; init; } = Array.Empty<HelpParagraph>();

        public IReadOnlyList<RelatedLink> RelatedLinks { get; init; } = Array.Empty<RelatedLink>();

        /// <summary>The line of the EXAMPLES heading, for problems about the examples as a whole.</summary>
        public int ExamplesLine { get; init; }

        public int ParametersLine { get; init; }
    }
}
