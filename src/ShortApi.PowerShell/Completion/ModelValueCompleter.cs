using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ShortApi.PowerShell.Binding;
using ShortApi.PowerShell.Infrastructure;

namespace ShortApi.PowerShell.Completion
{
    /// <summary>
    /// Completes a model option (-Resolution, -Duration, ...) with the values the model already
    /// given in -Model allows (all models' values when -Model is not given yet). The values come
    /// from the catalog and the parameter's wire name from <see cref="JobOptionMap"/>, so
    /// completion and validation can never disagree.
    /// </summary>
    public sealed class ModelValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string? wireName = JobOptionMap.WireName(parameterName);
            if (wireName == null)
            {
                return Array.Empty<CompletionResult>();
            }

            string? model = fakeBoundParameters?["Model"] is object bound ? Convert.ToString(bound is PSObject p ? p.BaseObject : bound) : null;
            return CompletionText.Filter(ModuleSession.Catalog.CompletionValues(model, wireName), wordToComplete)
                .Select(v => new CompletionResult(CompletionText.Quote(v), v, CompletionResultType.ParameterValue, $"{parameterName} {v}{(model != null ? " for " + model : string.Empty)}"));
        }
    }
}
