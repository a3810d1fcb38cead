using System.Collections.Generic;
using System.Linq;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>One cmdlet as compiled: its name, whether it supports -WhatIf, its parameters and what it emits.</summary>
    /// <param name="Verb">The verb of [Cmdlet].</param>
    /// <param name="Noun">The noun of [Cmdlet].</param>
    /// <param name="SupportsShouldProcess">Whether PowerShell adds -WhatIf and -Confirm.</param>
    /// <param name="DefaultParameterSetName">From [Cmdlet]; null when not set.</param>
    /// <param name="Parameters">In declaration order: the cmdlet's own parameters, then inherited ones.</param>
    /// <param name="OutputTypes">From [OutputType]; empty when the cmdlet emits nothing.</param>
    public sealed record CmdletMetadata(
        string Verb,
        string Noun,
        bool SupportsShouldProcess,
        string? DefaultParameterSetName,
        IReadOnlyList<ParameterMetadata> Parameters,
        IReadOnlyList<TypeLabel> OutputTypes)
    {
        public string Name => Verb + "-" + Noun;

        /// <summary>The types that bind from the pipeline by value, each once.</summary>
        public IReadOnlyList<TypeLabel> InputTypes => Parameters.Where(p => p.ByValue).Select(p => p.Type).Distinct().ToList();

        /// <summary>
        /// The parameter sets as Get-Command lists them: the default set first, then the others as
        /// they appear. A cmdlet with no named set has the one all-sets set.
        /// </summary>
        public IReadOnlyList<string> ParameterSetNames
        {
            get
            {
                var named = Parameters.SelectMany(p => p.Sets).Where(s => !s.InAllSets).Select(s => s.SetName).Distinct().ToList();
                if (named.Count == 0)
                {
                    return new[] { ParameterSetBinding.AllSets };
                }

                if (DefaultParameterSetName != null && named.Remove(DefaultParameterSetName))
                {
                    named.Insert(0, DefaultParameterSetName);
                }

                return named;
            }
        }

        /// <summary>The parameters that belong to <paramref name="setName"/>.</summary>
        public IReadOnlyList<ParameterMetadata> ParametersIn(string setName) => Parameters.Where(p => p.In(setName) != null).ToList();
    }
}
