using System.Collections.Generic;
using System.Linq;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>One cmdlet as compiled: its name, whether it supports -WhatIf, its parameters and what it emits.</summary>
    /// <param name="Verb">The verb of [Cmdlet].</param>
    /// <param name="Noun">The noun of [Cmdlet].</param>
    /// <param name="SupportsShouldProcess">Whether PowerShell adds -WhatIf and -Confirm.</param>
    /// <param name="ParameterSets">As Get-Command lists them: the default set first; the one all-sets set when none is named.</param>
    /// <param name="Parameters">In declaration order: the cmdlet's own parameters, then inherited ones.</param>
    /// <param name="OutputTypes">From [OutputType]; empty when the cmdlet emits nothing.</param>
    public sealed record CmdletMetadata(
        string Verb,
        string Noun,
        bool SupportsShouldProcess,
        IReadOnlyList<string> ParameterSets,
        IReadOnlyList<ParameterMetadata> Parameters,
        IReadOnlyList<TypeLabel> OutputTypes)
    {
        public string Name => Verb + "-" + Noun;

        /// <summary>The types that bind from the pipeline by value, each once.</summary>
        public IReadOnlyList<TypeLabel> InputTypes => Parameters.Where(p => p.ByValue).Select(p => p.Type).Distinct().ToList();
    }
}
