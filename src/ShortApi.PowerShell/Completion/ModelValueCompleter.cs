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
    /// Completes a model option (-Resolution, -Duration, ...) with the values the model in -Model
    /// allows together with the options already bound: pixverse-5.5 with -Resolution 1080p offers
    /// durations 5 and 8, as its page rules out 10 s at 1080p. -Model and the options may come
    /// from the line or from $PSDefaultParameterValues. Without a model, every model's values,
    /// each once. The values come from the catalog and its rules, the wire names from
    /// <see cref="JobOptionMap"/>, so completion and validation can never disagree.
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

            var bindings = new CompletionBindings(commandName, fakeBoundParameters);
            string? model = bindings.Text("Model");
            var chosen = JobOptionMap.Options
                .Where(o => !string.Equals(o.Parameter, parameterName, StringComparison.OrdinalIgnoreCase))
                .Select(o => new KeyValuePair<string, object?>(o.WireName, bindings.Value(o.Parameter)))
                .Where(p => p.Value != null)
                .ToList();

            return CompletionText.Filter(ModuleSession.Catalog.CompletionValues(model, wireName, chosen), wordToComplete)
                .Select(v => new CompletionResult(CompletionText.Quote(v), v, CompletionResultType.ParameterValue, $"{parameterName} {v}{(model != null ? " for " + model : string.Empty)}"));
        }
    }
}
