using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ShortApi.PowerShell.Infrastructure;

namespace ShortApi.PowerShell.Completion
{
    /// <summary>Completes -Model with the catalog's short names, then its full ids.</summary>
    public sealed class ModelNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var models = ModuleSession.Catalog.Models;
            var names = models.Where(m => m.ShortName != null).Select(m => m.ShortName!).Concat(models.Select(m => m.Id));
            return CompletionText.Filter(names, wordToComplete).Select(name =>
            {
                var model = models.First(m => m.ShortName == name || m.Id == name);
                return new CompletionResult(CompletionText.Quote(name), name, CompletionResultType.ParameterValue, model.Id + ": " + model.Summary);
            });
        }
    }
}
