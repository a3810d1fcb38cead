using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using ShortApi.HelpBuilder.Markdown;
using ShortApi.HelpBuilder.Metadata;

namespace ShortApi.HelpBuilder.Output
{
    /// <summary>
    /// Writes command:parameter elements. Every attribute Get-Help shows (Required?, Position?,
    /// Default value, Accept pipeline input?, Aliases, Accept wildcard characters?) comes from the
    /// compiled parameter; only the description comes from markdown.
    /// </summary>
    internal static class MamlParameterWriter
    {
        private static readonly XNamespace Command = MamlNames.Command;
        private static readonly XNamespace Maml = MamlNames.Maml;
        private static readonly XNamespace Dev = MamlNames.Dev;

        /// <summary>The parameter as it stands in one syntax line: required and position are those of that set.</summary>
        public static XElement ForSyntax(ParameterMetadata parameter, ParameterSetBinding binding) =>
            Element(
                parameter,
                binding.Mandatory,
                Position(binding.Position),
                PipelineInput(binding.ByValue, binding.ByPropertyName),
                description: null,
                valueForSwitch: false);

        /// <summary>The parameter in the PARAMETERS list: required only when it is required in every set it belongs to.</summary>
        /// <param name="parameterSets">The cmdlet's parameter sets, default first.</param>
        /// <param name="parameter">The parameter.</param>
        /// <param name="description">Its prose from markdown.</param>
        public static XElement ForDetails(IReadOnlyList<string> parameterSets, ParameterMetadata parameter, IReadOnlyList<HelpParagraph> description)
        {
            var sets = parameterSets.Select(parameter.In).OfType<ParameterSetBinding>().ToList();
            var paragraphs = description.Concat(GeneratedNotes(parameterSets, parameter)).ToList();
            return Element(
                parameter,
                sets.Count > 0 && sets.All(s => s.Mandatory),
                Position(sets.Select(s => s.Position).FirstOrDefault(p => p.HasValue)),
                PipelineInput(parameter.ByValue, parameter.ByPropertyName),
                paragraphs,
                valueForSwitch: true);
        }

        private static XElement Element(ParameterMetadata parameter, bool required, string position, string pipelineInput, IReadOnlyList<HelpParagraph>? description, bool valueForSwitch)
        {
            var element = new XElement(
                Command + "parameter",
                new XAttribute("required", Flag(required)),
                new XAttribute("variableLength", Flag(parameter.IsArray)),
                new XAttribute("globbing", Flag(parameter.SupportsWildcards)),
                new XAttribute("pipelineInput", pipelineInput),
                new XAttribute("position", position),
                new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
                new XElement(Maml + "name", parameter.Name));

            if (description != null)
            {
                element.Add(MamlText.Description(description));
            }

            // Get-Help writes "-Name <Type>" from parameterValue; a switch has none in syntax ([-Force])
            // and shows as "-Force [<SwitchParameter>]" in the list, as built-in help does.
            if (!parameter.IsSwitch || valueForSwitch)
            {
                element.Add(new XElement(
                    Command + "parameterValue",
                    new XAttribute("required", Flag(!parameter.IsSwitch)),
                    new XAttribute("variableLength", Flag(parameter.IsArray)),
                    parameter.Type.ShortName));
            }

            element.Add(MamlText.Type(parameter.Type.FullName));
            element.Add(new XElement(Dev + "defaultValue", parameter.DefaultValue ?? "None"));
            return element;
        }

        /// <summary>Facts only the metadata knows, stated after the description so the prose need not repeat them.</summary>
        private static IEnumerable<HelpParagraph> GeneratedNotes(IReadOnlyList<string> sets, ParameterMetadata parameter)
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
                    .Select(set => (Set: set, Binding: parameter.In(set)))
                    .Where(u => u.Binding != null)
                    .Select(u => $"{u.Set} ({(u.Binding!.Mandatory ? "required" : "optional")}{(u.Binding.Position.HasValue ? ", position " + u.Binding.Position.Value.ToString(CultureInfo.InvariantCulture) : string.Empty)})")
                    .ToList();
                yield return Text(uses.Count == sets.Count && parameter.Sets.All(s => s.InAllSets)
                    ? "Parameter sets: all."
                    : $"Parameter sets: {string.Join("; ", uses)}.");
            }
        }

        private static HelpParagraph Text(string text) => new HelpParagraph(ParagraphKind.Text, new[] { text });

        private static string Position(int? position) => position.HasValue ? position.Value.ToString(CultureInfo.InvariantCulture) : "named";

        private static string PipelineInput(bool byValue, bool byPropertyName) =>
            (byValue, byPropertyName) switch
            {
                (true, true) => "True (ByValue, ByPropertyName)",
                (true, false) => "True (ByValue)",
                (false, true) => "True (ByPropertyName)",
                _ => "False",
            };

        private static string Flag(bool value) => value ? "true" : "false";
    }
}
