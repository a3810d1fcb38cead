using System.Linq;
using System.Management.Automation;
using ShortApi.Catalog;
using ShortApi.Errors;
using ShortApi.PowerShell.Completion;
using ShortApi.PowerShell.Infrastructure;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>The model catalog: each model's parameters with their allowed values and defaults, its rules and its prices.</summary>
    [Cmdlet(VerbsCommon.Get, "ShortApiModel")]
    [OutputType(typeof(ModelDefinition))]
    public sealed class GetShortApiModelCommand : ShortApiCmdlet
    {
        /// <summary>Short names or ids; wildcards allowed. All models when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Model")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ModelNameCompleter))]
        public string[]? Name { get; set; }

        protected override void Process()
        {
            var catalog = ModuleSession.Catalog;

            if (Name == null || Name.Length == 0)
            {
                WriteObject(catalog.Models, enumerateCollection: true);
                return;
            }

            foreach (string name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = catalog.Models.Where(m => pattern.IsMatch(m.Id) || (m.ShortName != null && pattern.IsMatch(m.ShortName))).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    string known = string.Join(", ", catalog.Models.Select(m => m.Name));
                    WriteFailure(new ShortApiException(ShortApiErrorReason.UnknownModel, $"The catalog has no model '{name}'. Known models: {known}."), name);
                }

                WriteObject(matches, enumerateCollection: true);
            }
        }
    }
}
