using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ShortApi.PowerShell.Infrastructure;

namespace ShortApi.PowerShell.Completion
{
    /// <summary>
    /// Completes a model parameter with the values the model already given in -Model allows (all
    /// models' values when -Model is not given yet). The values come from the catalog, so the
    /// completion and the validation can never disagree.
    /// </summary>
    public abstract class ModelValueCompleter : IArgumentCompleter
    {
        /// <summary>The parameter's name on the wire, as the catalog knows it.</summary>
        protected internal abstract string WireName { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string? model = fakeBoundParameters?["Model"] is object bound ? Convert.ToString(bound is PSObject p ? p.BaseObject : bound) : null;
            return CompletionText.Filter(ModuleSession.Catalog.CompletionValues(model, WireName), wordToComplete)
                .Select(v => new CompletionResult(CompletionText.Quote(v), v, CompletionResultType.ParameterValue, $"{parameterName} {v}{(model != null ? " for " + model : string.Empty)}"));
        }
    }
}
