using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>Everything the compiled cmdlet says about one parameter: the facts help must not restate by hand.</summary>
    /// <param name="Name">The parameter's name.</param>
    /// <param name="Type">Its type.</param>
    /// <param name="Aliases">From [Alias].</param>
    /// <param name="SupportsWildcards">From [SupportsWildcards].</param>
    /// <param name="DefaultValue">The value a new cmdlet instance holds; null when there is none worth showing.</param>
    /// <param name="Sets">One binding per [Parameter] attribute.</param>
    /// <param name="ValidRange">From [ValidateRange], as "1 to 64"; null when there is none.</param>
    /// <param name="PossibleValues">From [ValidateSet] or an enum type; empty when any value goes.</param>
    public sealed record ParameterMetadata(
        string Name,
        TypeLabel Type,
        IReadOnlyList<string> Aliases,
        bool SupportsWildcards,
        string? DefaultValue,
        IReadOnlyList<ParameterSetBinding> Sets,
        string? ValidRange,
        IReadOnlyList<string> PossibleValues)
    {
        public bool IsSwitch => Type.FullName == "System.Management.Automation.SwitchParameter";

        public bool IsArray => Type.FullName.EndsWith("[]", StringComparison.Ordinal);

        public bool ByValue => Sets.Any(s => s.ByValue);

        public bool ByPropertyName => Sets.Any(s => s.ByPropertyName);

        /// <summary>The binding in <paramref name="setName"/>, or the all-sets binding; null when the parameter is not in that set.</summary>
        public ParameterSetBinding? In(string setName) =>
            Sets.FirstOrDefault(s => s.SetName == setName) ?? Sets.FirstOrDefault(s => s.InAllSets);
    }
}
