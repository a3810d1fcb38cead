using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using ShortApi.HelpBuilder.Markdown;
using ShortApi.HelpBuilder.Metadata;

namespace ShortApi.HelpBuilder.Output
{
    /// <summary>
    /// -WhatIf and -Confirm, which PowerShell adds to every SupportsShouldProcess cmdlet. Get-Help shows
    /// MAML syntax as written, so they are listed there like any parameter; their text is the same for
    /// every cmdlet and is not written per cmdlet in markdown.
    /// </summary>
    internal static class ShouldProcessParameters
    {
        private static readonly (ParameterMetadata Parameter, string Description)[] Parameters =
        {
            (Switch("WhatIf", "wi"), "Shows what the command would do without doing it: no job is submitted and no output is downloaded."),
            (Switch("Confirm", "cf"), "Asks you to confirm each action before it is taken."),
        };

        public static IEnumerable<XElement> ForSyntax() =>
            Parameters.Select(p => MamlParameterWriter.ForSyntax(p.Parameter, p.Parameter.Sets[0]));

        public static IEnumerable<XElement> ForDetails() =>
            Parameters.Select(p => MamlParameterWriter.ForDetails(
                new[] { ParameterSetBinding.AllSets },
                p.Parameter,
                new[] { new HelpParagraph(ParagraphKind.Text, new[] { p.Description }) }));

        private static ParameterMetadata Switch(string name, string alias) =>
            new ParameterMetadata(
                name,
                new TypeLabel("System.Management.Automation.SwitchParameter", "SwitchParameter"),
                new[] { alias },
                SupportsWildcards: false,
                "False",
                new[] { new ParameterSetBinding(ParameterSetBinding.AllSets, false, null, false, false) },
                ValidRange: null,
                System.Array.Empty<string>());
    }
}
