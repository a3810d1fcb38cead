using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;
using static ShortApi.PowerShell.Tests.Help.MamlNames;
using static ShortApi.PowerShell.Tests.Metadata.CmdletMetadata;

namespace ShortApi.PowerShell.Tests.Help
{
    /// <summary>
    /// The help `dotnet build` leaves in out/ShortApi/en-US, as Get-Help reads it: well-formed MAML with
    /// every cmdlet and every parameter, whose facts agree with the compiled attributes, and the about topic.
    /// </summary>
    public class GeneratedHelpTests
    {
        private static readonly Lazy<XDocument> BuiltHelp = new Lazy<XDocument>(() => XDocument.Load(HelpPaths.BuiltMaml));

        public static TheoryData<string> ExportedCmdlets => new TheoryData<string>(HelpPaths.ExportedCmdlets);

        [Fact]
        public void The_built_module_has_well_formed_maml_help()
        {
            Assert.True(File.Exists(HelpPaths.BuiltMaml), "dotnet build left no help at " + HelpPaths.BuiltMaml);
            var root = BuiltHelp.Value.Root!;

            Assert.Equal("helpItems", root.Name.LocalName);
            Assert.Equal("maml", (string?)root.Attribute("schema"));
            Assert.Equal(
                HelpPaths.ExportedCmdlets.OrderBy(n => n, StringComparer.Ordinal),
                root.Elements(Command + "command").Select(CommandName).OrderBy(n => n, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Each_cmdlet_has_a_synopsis_a_description_a_syntax_per_parameter_set_and_examples(string cmdlet)
        {
            var command = CommandElement(cmdlet);

            Assert.NotEmpty(Paragraphs(command.Element(Command + "details")!));
            Assert.Contains(command.Elements(Maml + "description").SelectMany(d => d.Elements(Maml + "para")), p => p.Value.Trim().Length > 0);
            Assert.Equal(ParameterSets(CmdletType(cmdlet)).Count, command.Element(Command + "syntax")!.Elements(Command + "syntaxItem").Count());
            var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
            Assert.True(examples.Count >= 2, $"{cmdlet} has {examples.Count} example(s) in its MAML");
            Assert.All(examples, e => Assert.False(string.IsNullOrWhiteSpace((string?)e.Element(Dev + "code")), "an example has no code"));
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Each_parameter_is_described_with_the_facts_its_attributes_state(string cmdlet)
        {
            var command = CommandElement(cmdlet);
            var described = command.Element(Command + "parameters")!.Elements(Command + "parameter").ToDictionary(p => (string)p.Element(Maml + "name")!);

            foreach (var property in Parameters(CmdletType(cmdlet)))
            {
                Assert.True(described.TryGetValue(property.Name, out var parameter), $"-{property.Name} is missing from {cmdlet}'s MAML");
                var bindings = Attributes(property, typeof(ParameterAttribute)).ToList();

                Assert.NotEmpty(Paragraphs(parameter!));
                Assert.Equal(FullTypeName(property.PropertyType), (string)parameter!.Element(Dev + "type")!.Element(Maml + "name")!);
                Assert.Equal(bindings.Any(b => Named<bool>(b, "ValueFromPipeline")), ((string)parameter.Attribute("pipelineInput")!).Contains("ByValue", StringComparison.Ordinal));
                Assert.Equal(bindings.Any(b => Named<bool>(b, "ValueFromPipelineByPropertyName")), ((string)parameter.Attribute("pipelineInput")!).Contains("ByPropertyName", StringComparison.Ordinal));
                Assert.Equal(Aliases(property).Count == 0 ? "none" : string.Join(", ", Aliases(property)), (string)parameter.Attribute("aliases")!);
                Assert.Equal(Attribute(property, typeof(SupportsWildcardsAttribute)) != null ? "true" : "false", (string)parameter.Attribute("globbing")!);
                Assert.Equal(bindings.All(b => Named<bool>(b, "Mandatory")) ? "true" : "false", (string)parameter.Attribute("required")!);
            }
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Each_syntax_line_lists_the_parameters_of_its_set_with_their_position(string cmdlet)
        {
            var type = CmdletType(cmdlet);
            var items = CommandElement(cmdlet).Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();

            foreach (var (set, item) in ParameterSets(type).Zip(items))
            {
                var listed = item.Elements(Command + "parameter").ToDictionary(p => (string)p.Element(Maml + "name")!);
                foreach (var property in Parameters(type))
                {
                    var binding = Attributes(property, typeof(ParameterAttribute))
                        .FirstOrDefault(b => (Named<string>(b, "ParameterSetName") ?? AllSets) is var name && (name == set || name == AllSets));
                    Assert.Equal(binding != null, listed.ContainsKey(property.Name));
                    if (binding != null)
                    {
                        int position = Named<int?>(binding, "Position") ?? int.MinValue;
                        Assert.Equal(position == int.MinValue ? "named" : position.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)listed[property.Name].Attribute("position")!);
                        Assert.Equal(Named<bool>(binding, "Mandatory") ? "true" : "false", (string)listed[property.Name].Attribute("required")!);
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void WhatIf_and_Confirm_are_listed_exactly_for_cmdlets_that_support_should_process(string cmdlet)
        {
            bool supports = Named<bool>(Attribute(CmdletType(cmdlet), typeof(CmdletAttribute))!, "SupportsShouldProcess");
            var command = CommandElement(cmdlet);
            var names = command.Element(Command + "parameters")!.Elements(Command + "parameter").Select(p => (string)p.Element(Maml + "name")!).ToList();

            Assert.Equal(supports, names.Contains("WhatIf"));
            Assert.Equal(supports, names.Contains("Confirm"));
            Assert.All(
                command.Element(Command + "syntax")!.Elements(Command + "syntaxItem"),
                item => Assert.Equal(supports, item.Elements(Command + "parameter").Any(p => (string)p.Element(Maml + "name")! == "WhatIf")));
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Examples_use_only_sample_images_that_exist(string cmdlet)
        {
            // Examples must run as written from the repository root, so every image they name must be there.
            foreach (var code in CommandElement(cmdlet).Descendants(Dev + "code"))
            {
                foreach (Match image in Regex.Matches(code.Value, @"\.?/?samples/([\w.-]+\.png)"))
                {
                    string file = Path.Combine(HelpPaths.RepositoryRoot, "samples", image.Groups[1].Value);
                    Assert.True(File.Exists(file), $"{cmdlet}'s examples use {image.Value}, which does not exist");
                }
            }
        }

        [Fact]
        public void Text_that_looks_like_html_is_kept_as_written()
        {
            // Markdown reads "ShortApi.<Reason>" as an HTML tag; help must still show it.
            var description = CommandElement("New-ShortApiVideoJob").Elements(Maml + "description").Single().Value;

            Assert.Contains("ShortApi.<Reason>", description, StringComparison.Ordinal);
        }

        [Fact]
        public void The_about_topic_is_laid_out_for_get_help()
        {
            string path = Path.Combine(HelpPaths.BuiltHelpFolder, "about_ShortApi.help.txt");
            Assert.True(File.Exists(path), "dotnet build left no about topic at " + path);
            var lines = File.ReadAllLines(path);

            Assert.Equal("TOPIC", lines[0]);
            Assert.Equal("about_ShortApi", lines[1].Trim());
            Assert.Equal("SHORT DESCRIPTION", lines[3]);
            // Get-Help shows the fifth line as the topic's synopsis.
            string source = File.ReadAllText(Path.Combine(HelpPaths.Docs, "about_ShortApi.md"));
            Assert.Equal(Regex.Match(source, @"^## SHORT DESCRIPTION\r?\n(.+?)\r?$", RegexOptions.Multiline).Groups[1].Value.Trim(), lines[4].Trim());
        }

        private const string AllSets = "__AllParameterSets";

        private static XElement CommandElement(string cmdlet) =>
            BuiltHelp.Value.Root!.Elements(Command + "command").Single(c => CommandName(c) == cmdlet);

        private static string CommandName(XElement command) => (string)command.Element(Command + "details")!.Element(Command + "name")!;

        private static IEnumerable<string> Paragraphs(XElement parent) =>
            parent.Elements(Maml + "description").SelectMany(d => d.Elements(Maml + "para")).Select(p => p.Value).Where(p => p.Trim().Length > 0);

        /// <summary>The parameter sets Get-Command would list: the named ones, or the single all-sets set.</summary>
        private static IReadOnlyList<string> ParameterSets(Type cmdlet)
        {
            var named = Parameters(cmdlet)
                .SelectMany(p => Attributes(p, typeof(ParameterAttribute)))
                .Select(a => Named<string>(a, "ParameterSetName") ?? AllSets)
                .Where(n => n != AllSets)
                .Distinct()
                .ToList();
            if (named.Count == 0)
            {
                return new[] { AllSets };
            }

            string? preferred = Named<string>(Attribute(cmdlet, typeof(CmdletAttribute))!, "DefaultParameterSetName");
            return preferred != null && named.Remove(preferred) ? new[] { preferred }.Concat(named).ToList() : named;
        }

        private static string FullTypeName(Type type)
        {
            var bare = Nullable.GetUnderlyingType(type) ?? type;
            return bare.IsArray ? bare.GetElementType()!.FullName + "[]" : bare.FullName!;
        }
    }
}
