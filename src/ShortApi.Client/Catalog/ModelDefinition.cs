using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog.Rules;
using ShortApi.Pricing;

namespace ShortApi.Catalog
{
    /// <summary>One model of the catalog: its ids, its documented parameters, its rules and its prices.</summary>
    public sealed class ModelDefinition
    {
        public ModelDefinition(
            string id,
            string? shortName,
            string? summary,
            IReadOnlyList<ParameterDefinition> parameters,
            IReadOnlyList<CrossFieldRule>? rules,
            PricingDefinition? pricing,
            TimeSpan? typicalLength = null)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            ShortName = shortName;
            Summary = summary ?? string.Empty;
            Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
            Rules = rules ?? Array.Empty<CrossFieldRule>();
            Pricing = pricing ?? PricingDefinition.None;
            ImageParameter = Parameters.FirstOrDefault(p => p.TakesImages);
            TypicalLength = typicalLength;
        }

        /// <summary>The full id sent as <c>model</c>, such as <c>vidu/vidu-q3/image-to-video</c>.</summary>
        public string Id { get; }

        /// <summary>The name users type, such as <c>vidu-q3</c>.</summary>
        public string? ShortName { get; }

        /// <summary>What the model is called in tables and messages: the short name, else the id.</summary>
        public string Name => ShortName ?? Id;

        /// <summary>The same as <see cref="Name"/>; kept for the callers that use it.</summary>
        public string DisplayName => Name;

        public string Summary { get; }

        public IReadOnlyList<ParameterDefinition> Parameters { get; }

        public IReadOnlyList<CrossFieldRule> Rules { get; }

        public PricingDefinition Pricing { get; }

        /// <summary>
        /// How long a job of this model typically runs, when the catalog says (typicalSeconds): a
        /// prior for the poll schedule until jobs of the model have finished and taught the real figure.
        /// </summary>
        public TimeSpan? TypicalLength { get; }

        /// <summary>Where a job's input image goes: <c>image</c>, or a list such as kling-o1's <c>images</c>.</summary>
        public ParameterDefinition? ImageParameter { get; }

        /// <summary>The parameter of that wire name, matched without regard to case (PowerShell hashtables ignore it too).</summary>
        public ParameterDefinition? FindParameter(string name) =>
            Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>The page's cross-field rules, in words.</summary>
        public IReadOnlyList<string> RuleMessages => Rules.Select(r => r.Message).ToList();

        public override string ToString() => Name;
    }
}
