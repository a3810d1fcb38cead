using System.Collections.Generic;
using System.Linq;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>Everything the compiled cmdlet says about one parameter: the facts help must not restate by hand.</summary>
    public sealed class ParameterMetadata
    {
        public ParameterMetadata(
            string name,
            TypeLabel type,
            bool isSwitch,
            bool isArray,
            IReadOnlyList<string> aliases,
            bool supportsWildcards,
            string? defaultValue,
            IReadOnlyList<ParameterSetBinding> sets,
            string? validRange,
            IReadOnlyList<string> possibleValues)
        {
            Name = name;
            Type = type;
            IsSwitch = isSwitch;
            IsArray = isArray;
            Aliases = aliases;
            SupportsWildcards = supportsWildcards;
            DefaultValue = defaultValue;
            Sets = sets;
            ValidRange = validRange;
            PossibleValues = possibleValues;
        }

        public string Name { get; }

        public TypeLabel Type { get; }

        public bool IsSwitch { get; }

        public bool IsArray { get; }

        public IReadOnlyList<string> Aliases { get; }

        public bool SupportsWildcards { get; }

        /// <summary>The value a new cmdlet instance holds; null when there is none worth showing.</summary>
        public string? DefaultValue { get; }

        public IReadOnlyList<ParameterSetBinding> Sets { get; }

        /// <summary>From [ValidateRange], as "1 to 64"; null when there is none.</summary>
        public string? ValidRange { get; }

        /// <summary>From [ValidateSet] or an enum type; empty when any value goes.</summary>
        public IReadOnlyList<string> PossibleValues { get; }

        /// <summary>The binding in <paramref name="setName"/>, or the all-sets binding; null when the parameter is not in that set.</summary>
        public ParameterSetBinding? In(string setName) =>
            Sets.FirstOrDefault(s => s.SetName == setName) ?? Sets.FirstOrDefault(s => s.InAllSets);

        public bool ByValue => Sets.Any(s => s.ByValue);

        public bool ByPropertyName => Sets.Any(s => s.ByPropertyName);
    }
}
