using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ShortApi.HelpBuilder.Markdown;
using ShortApi.HelpBuilder.Metadata;

namespace ShortApi.HelpBuilder.Output
{
    /// <summary>
    /// Writes the module's MAML help file (&lt;Assembly&gt;.dll-Help.xml): one command:command per cmdlet
    /// with details, description, a syntax item per parameter set, parameters, input and output
    /// types, notes, examples and related links.
    /// </summary>
    public static class MamlWriter
    {
        private static readonly XNamespace Command = MamlNames.Command;
        private static readonly XNamespace Maml = MamlNames.Maml;
        private static readonly XNamespace Dev = MamlNames.Dev;

        public static void Write(string path, IEnumerable<(CmdletMetadata Cmdlet, CommandPage Page)> commands)
        {
            var document = new XDocument(
                new XDeclaration("1.0", "utf-8", null),
                new XElement(
                    MamlNames.HelpItems + "helpItems",
                    new XAttribute("schema", "maml"),
                    new XAttribute(XNamespace.Xmlns + "maml", Maml),
                    new XAttribute(XNamespace.Xmlns + "command", Command),
                    new XAttribute(XNamespace.Xmlns + "dev", Dev),
                    commands.Select(CommandElement)));

            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
            using var writer = XmlWriter.Create(path, settings);
            document.Save(writer);
        }

        private static XElement CommandElement((CmdletMetadata Cmdlet, CommandPage Page) help)
        {
            var (cmdlet, doc) = help;
            return new XElement(
                Command + "command",
                new XElement(
                    Command + "details",
                    new XElement(Command + "name", cmdlet.Name),
                    new XElement(Command + "verb", cmdlet.Verb),
                    new XElement(Command + "noun", cmdlet.Noun),
                    MamlText.Description(doc.Synopsis)),
                MamlText.Description(doc.Description),
                new XElement(Command + "syntax", cmdlet.ParameterSets.Select(set => SyntaxItem(cmdlet, set))),
                new XElement(Command + "parameters", Parameters(help)),
                new XElement(Command + "inputTypes", TypeEntries(Command + "inputType", cmdlet.InputTypes, doc, "INPUTS")),
                new XElement(Command + "returnValues", TypeEntries(Command + "returnValue", cmdlet.OutputTypes, doc, "OUTPUTS")),
                doc.Notes.Count == 0 ? null : new XElement(Maml + "alertSet", new XElement(Maml + "alert", MamlText.Paras(doc.Notes))),
                new XElement(Command + "examples", doc.Examples.Select(Example)),
                new XElement(Command + "relatedLinks", doc.RelatedLinks.Select(Link)));
        }

        /// <summary>One syntax line: positional parameters by position, then mandatory ones, then the rest, each group in declaration order.</summary>
        private static XElement SyntaxItem(CmdletMetadata cmdlet, string set)
        {
            var parameters = cmdlet.Parameters
                .Where(p => p.In(set) != null)
                .Select(p => (Parameter: p, Binding: p.In(set)!))
                .OrderBy(x => x.Binding.Position ?? int.MaxValue)
                .ThenBy(x => x.Binding.Mandatory ? 0 : 1)
                .Select(x => MamlParameterWriter.ForSyntax(x.Parameter, x.Binding));
            var common = cmdlet.SupportsShouldProcess ? ShouldProcessParameters.ForSyntax() : Enumerable.Empty<XElement>();
            return new XElement(Command + "syntaxItem", new XElement(Maml + "name", cmdlet.Name), parameters, common);
        }

        /// <summary>Every parameter in alphabetical order, as reference help lists them; -WhatIf and -Confirm among them.</summary>
        private static IEnumerable<XElement> Parameters((CmdletMetadata Cmdlet, CommandPage Page) help)
        {
            var (cmdlet, doc) = help;
            var own = cmdlet.Parameters.Select(parameter =>
            {
                return MamlParameterWriter.ForDetails(cmdlet.ParameterSets, parameter, doc.Parameter(parameter.Name));
            });
            var common = cmdlet.SupportsShouldProcess ? ShouldProcessParameters.ForDetails() : Enumerable.Empty<XElement>();
            return own.Concat(common).OrderBy(e => (string?)e.Element(Maml + "name"), StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>One entry per type, described by its "### Type" prose; "None" with the section's prose when there is no type.</summary>
        private static IEnumerable<XElement> TypeEntries(XName entry, IReadOnlyList<TypeLabel> types, CommandPage page, string section)
        {
            if (types.Count == 0)
            {
                yield return new XElement(entry, MamlText.Type("None"), MamlText.Description(page.TypeProse(section, null)));
                yield break;
            }

            foreach (var type in types)
            {
                yield return new XElement(entry, MamlText.Type(type.FullName), MamlText.Description(page.TypeProse(section, type.FullName)));
            }
        }

        private static XElement Example(HelpExample example)
        {
            // The dashes frame each example the way Get-Help has always shown them.
            string title = example.Title;
            return new XElement(
                Command + "example",
                new XElement(Maml + "title", $"{new string('-', 10)} {title} {new string('-', 10)}"),
                new XElement(Dev + "code", example.Code),
                // The empty para ends the remarks with a line break, so examples do not run together.
                new XElement(Dev + "remarks", MamlText.Paras(example.Remarks), MamlText.Para(string.Empty)));
        }

        /// <summary>
        /// A related topic by name, without an address: Get-Help -Online opens the first address it finds
        /// here, and the module's help has none that is sure to resolve (see RelatedLinkValidator).
        /// </summary>
        private static XElement Link(RelatedLink link) =>
            new XElement(
                Maml + "navigationLink",
                new XElement(Maml + "linkText", link.Text),
                new XElement(Maml + "uri", string.Empty));
    }
}
