using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ShortApi.HelpBuilder.Markdown;
using ShortApi.HelpBuilder.Metadata;

namespace ShortApi.HelpBuilder.Output
{
    /// <summary>
    /// Writes the module's MAML help file (&lt;Assembly&gt;.dll-Help.xml): per cmdlet its details,
    /// description, a syntax item per parameter set, parameters, input and output types, notes,
    /// examples and related links. Every fact Get-Help shows about a parameter (Required?, Position?,
    /// Default value, Accept pipeline input?, Aliases, Accept wildcard characters?) comes from the
    /// compiled cmdlet; only the prose comes from markdown.
    /// </summary>
    public static class MamlWriter
    {
        private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        /// <summary>
        /// -WhatIf and -Confirm, which PowerShell adds to every SupportsShouldProcess cmdlet. Get-Help shows
        /// MAML syntax as written, so they are listed like any parameter, with the same text for every cmdlet.
        /// </summary>
        private static readonly (ParameterMetadata Parameter, string Description)[] ShouldProcess =
        {
            (Switch("WhatIf", "wi"), "Shows what the command would do without doing it: no job is submitted and no output is downloaded."),
            (Switch("Confirm", "cf"), "Asks you to confirm each action before it is taken."),
        };

        public static void Write(string path, IEnumerable<(CmdletMetadata Cmdlet, CommandPage Page)> commands)
        {
            var document = new XDocument(
                new XDeclaration("1.0", "utf-8", null),
                new XElement(
                    XNamespace.Get("http://msh") + "helpItems",
                    new XAttribute("schema", "maml"),
                    new XAttribute(XNamespace.Xmlns + "maml", Maml),
                    new XAttribute(XNamespace.Xmlns + "command", Command),
                    new XAttribute(XNamespace.Xmlns + "dev", Dev),
                    commands.Select(c => CommandElement(c.Cmdlet, c.Page))));
            using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" });
            document.Save(writer);
        }

        private static XElement CommandElement(CmdletMetadata cmdlet, CommandPage page)
        {
            var common = cmdlet.SupportsShouldProcess ? ShouldProcess : Array.Empty<(ParameterMetadata Parameter, string Description)>();
            return new XElement(
                Command + "command",
                new XElement(
                    Command + "details",
                    new XElement(Command + "name", cmdlet.Name),
                    new XElement(Command + "verb", cmdlet.Verb),
                    new XElement(Command + "noun", cmdlet.Noun),
                    Description(page.Synopsis)),
                Description(page.Description),
                new XElement(
                    Command + "syntax",
                    cmdlet.ParameterSets.Select(set => new XElement(
                        Command + "syntaxItem",
                        new XElement(Maml + "name", cmdlet.Name),
                        SyntaxOrder(cmdlet.Parameters, set).Select(p => SyntaxParameter(p, p.In(set)!)),
                        common.Select(c => SyntaxParameter(c.Parameter, c.Parameter.Sets[0]))))),
                // Every parameter in alphabetical order, as reference help lists them; -WhatIf and -Confirm among them.
                new XElement(
                    Command + "parameters",
                    cmdlet.Parameters.Select(p => Parameter(cmdlet.ParameterSets, p, page.Parameter(p.Name)))
                        .Concat(common.Select(c => Parameter(new[] { ParameterSetBinding.AllSets }, c.Parameter, new[] { Text(c.Description) })))
                        .OrderBy(e => (string?)e.Element(Maml + "name"), StringComparer.OrdinalIgnoreCase)),
                new XElement(Command + "inputTypes", TypeEntries(Command + "inputType", cmdlet.InputTypes, page, "INPUTS")),
                new XElement(Command + "returnValues", TypeEntries(Command + "returnValue", cmdlet.OutputTypes, page, "OUTPUTS")),
                page.Notes.Count == 0 ? null : new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(page.Notes))),
                new XElement(Command + "examples", page.Examples.Select(Example)),
                // A topic by name and never an address: Get-Help -Online opens the first address it finds here.
                new XElement(
                    Command + "relatedLinks",
                    page.RelatedLinks.Select(link => new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", link.Text), new XElement(Maml + "uri", string.Empty)))));
        }

        /// <summary>The parameters of one syntax line: positional ones by position, then mandatory ones, then the rest, each group in declaration order.</summary>
        private static IEnumerable<ParameterMetadata> SyntaxOrder(IEnumerable<ParameterMetadata> parameters, string set) =>
            parameters.Where(p => p.In(set) != null).OrderBy(p => p.In(set)!.Position ?? int.MaxValue).ThenBy(p => p.In(set)!.Mandatory ? 0 : 1);

        /// <summary>The parameter as it stands in one syntax line: required and position are those of that set.</summary>
        private static XElement SyntaxParameter(ParameterMetadata parameter, ParameterSetBinding binding) =>
            ParameterElement(parameter, binding.Mandatory, binding.Position, binding.ByValue, binding.ByPropertyName, description: null);

        /// <summary>The parameter in the PARAMETERS list: required only when it is required in every set it belongs to.</summary>
        private static XElement Parameter(IReadOnlyList<string> sets, ParameterMetadata parameter, IEnumerable<HelpParagraph> prose)
        {
            var bindings = sets.Select(parameter.In).OfType<ParameterSetBinding>().ToList();
            bool required = bindings.Count > 0 && bindings.All(b => b.Mandatory);
            int? position = bindings.Select(b => b.Position).FirstOrDefault(p => p.HasValue);
            return ParameterElement(parameter, required, position, parameter.ByValue, parameter.ByPropertyName, prose.Concat(Facts(sets, parameter)));
        }

        private static XElement ParameterElement(ParameterMetadata parameter, bool required, int? position, bool byValue, bool byPropertyName, IEnumerable<HelpParagraph>? description) =>
            new XElement(
                Command + "parameter",
                new XAttribute("required", Flag(required)),
                new XAttribute("variableLength", Flag(parameter.IsArray)),
                new XAttribute("globbing", Flag(parameter.SupportsWildcards)),
                new XAttribute("pipelineInput", (byValue, byPropertyName) switch
                {
                    (true, true) => "True (ByValue, ByPropertyName)",
                    (true, false) => "True (ByValue)",
                    (false, true) => "True (ByPropertyName)",
                    _ => "False",
                }),
                new XAttribute("position", position?.ToString(CultureInfo.InvariantCulture) ?? "named"),
                new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
                new XElement(Maml + "name", parameter.Name),
                description == null ? null : Description(description),
                // Get-Help writes "-Name <Type>" from parameterValue; a switch has none in syntax ([-Force])
                // and shows as "-Force [<SwitchParameter>]" in the list, as built-in help does.
                parameter.IsSwitch && description == null ? null : new XElement(
                    Command + "parameterValue",
                    new XAttribute("required", Flag(!parameter.IsSwitch)),
                    new XAttribute("variableLength", Flag(parameter.IsArray)),
                    parameter.Type.ShortName),
                TypeElement(parameter.Type.FullName),
                new XElement(Dev + "defaultValue", parameter.DefaultValue ?? "None"));

        /// <summary>Facts only the metadata knows, stated after the description so the prose need not repeat them.</summary>
        private static IEnumerable<HelpParagraph> Facts(IReadOnlyList<string> sets, ParameterMetadata parameter)
        {
            if (parameter.ValidRange != null)
            {
                yield return Text($"Valid range: {parameter.ValidRange}.");
            }

            if (parameter.PossibleValues.Count > 0)
            {
                yield return Text($"Accepted values: {string.Join(", ", parameter.PossibleValues)}.");
            }

            if (sets.Count > 1)
            {
                var uses = sets
                    .Where(set => parameter.In(set) != null)
                    .Select(set => (Set: set, Binding: parameter.In(set)!))
                    .Select(u => $"{u.Set} ({(u.Binding.Mandatory ? "required" : "optional")}{(u.Binding.Position is int p ? ", position " + p.ToString(CultureInfo.InvariantCulture) : string.Empty)})")
                    .ToList();
                yield return Text(uses.Count == sets.Count && parameter.Sets.All(s => s.InAllSets) ? "Parameter sets: all." : $"Parameter sets: {string.Join("; ", uses)}.");
            }
        }

        /// <summary>One entry per type, described by its "### Type" prose; "None" with the section's own prose when there is no type.</summary>
        private static IEnumerable<XElement> TypeEntries(XName entry, IReadOnlyList<TypeLabel> types, CommandPage page, string section) =>
            types.Count == 0
                ? new[] { new XElement(entry, TypeElement("None"), Description(page.TypeProse(section, null))) }
                : types.Select(t => new XElement(entry, TypeElement(t.FullName), Description(page.TypeProse(section, t.FullName))));

        /// <summary>The dashes frame each example the way Get-Help has always shown them; the empty para ends the remarks with a line break, so examples do not run together.</summary>
        private static XElement Example(HelpExample example) =>
            new XElement(
                Command + "example",
                new XElement(Maml + "title", $"---------- {example.Title} ----------"),
                new XElement(Dev + "code", example.Code),
                new XElement(Dev + "remarks", Paras(example.Remarks), Para(string.Empty)));

        /// <summary>Prose as MAML: one maml:para per paragraph; a list or code block is one para that keeps its line breaks.</summary>
        private static XElement Description(IEnumerable<HelpParagraph> paragraphs) => new XElement(Maml + "description", Paras(paragraphs));

        private static IEnumerable<XElement> Paras(IEnumerable<HelpParagraph> paragraphs) => paragraphs.Select(p => Para(p.ToPlainText()));

        private static XElement Para(string text) => new XElement(Maml + "para", text);

        private static HelpParagraph Text(string text) => new HelpParagraph(ParagraphKind.Text, new[] { text });

        private static XElement TypeElement(string name) => new XElement(Dev + "type", new XElement(Maml + "name", name), new XElement(Maml + "uri"));

        private static string Flag(bool value) => value ? "true" : "false";

        private static ParameterMetadata Switch(string name, string alias) =>
            new ParameterMetadata(
                name,
                new TypeLabel("System.Management.Automation.SwitchParameter", "SwitchParameter"),
                new[] { alias },
                SupportsWildcards: false,
                "False",
                new[] { new ParameterSetBinding(ParameterSetBinding.AllSets, false, null, false, false) },
                ValidRange: null,
                Array.Empty<string>());
    }
}
