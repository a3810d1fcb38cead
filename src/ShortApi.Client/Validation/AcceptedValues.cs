using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog;

namespace ShortApi.Validation
{
    /// <summary>
    /// The values of one parameter a model accepts alongside the arguments already chosen: what
    /// tab completion offers. pixverse-5.5 with resolution 1080p accepts durations 5 and 8, since
    /// its page forbids 10 s at 1080p. The model's own cross-field rules decide, so completion and
    /// validation cannot disagree.
    /// </summary>
    public static class AcceptedValues
    {
        /// <summary>
        /// The allowed values of <paramref name="parameter"/> (wire name) that break no rule
        /// together with <paramref name="chosen"/> (wire names; values as a user would give them,
        /// such as 8 for "8" or "1080P" for "1080p"). A chosen value the model does not take is left
        /// out of the judgement, and so are images, which completion has no files for. A problem
        /// every value would meet comes from the other choices, not from the value, so it rules
        /// none out; and when no value fits, all are returned, as completion narrows but never empties.
        /// </summary>
        public static IReadOnlyList<object> Of(ModelDefinition model, string parameter, IEnumerable<KeyValuePair<string, object?>>? chosen)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            var definition = model.FindParameter(parameter);
            if (definition == null)
            {
                return Array.Empty<object>();
            }

            var candidates = definition.EnumerateAllowedValues();
            if (candidates.Count < 2 || model.Rules.Count == 0)
            {
                return candidates;
            }

            var given = Normalize(model, definition, chosen);
            var problems = candidates.Select(c => Problems(model, given, definition.Name, c)).ToList();
            var common = new HashSet<string>(problems[0], StringComparer.Ordinal);
            foreach (var set in problems.Skip(1))
            {
                common.IntersectWith(set);
            }

            var accepted = candidates.Where((c, i) => problems[i].IsSubsetOf(common)).ToList();
            return accepted.Count > 0 ? accepted : candidates;
        }

        /// <summary>The chosen values in wire form, under the model's own names; those it would refuse are dropped.</summary>
        private static Dictionary<string, object?> Normalize(ModelDefinition model, ParameterDefinition completed, IEnumerable<KeyValuePair<string, object?>>? chosen)
        {
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var normalizer = new ValueNormalizer(model.Name, new List<ValidationIssue>());
            foreach (var pair in chosen ?? Array.Empty<KeyValuePair<string, object?>>())
            {
                var parameter = model.FindParameter(pair.Key);
                if (pair.Value == null || parameter == null || parameter == completed || parameter.TakesImages)
                {
                    continue;
                }

                var normalized = normalizer.Normalize(parameter, pair.Value, parameter.Name);
                if (normalized != null)
                {
                    values[parameter.Name] = normalized;
                }
            }

            return values;
        }

        /// <summary>The errors the model's rules find with <paramref name="value"/> added to the chosen values.</summary>
        private static HashSet<string> Problems(ModelDefinition model, Dictionary<string, object?> given, string parameter, object value)
        {
            var values = new Dictionary<string, object?>(given, StringComparer.OrdinalIgnoreCase) { [parameter] = value };
            var arguments = new EffectiveArguments(model, values);
            return new HashSet<string>(
                model.Rules.SelectMany(r => r.Check(arguments)).Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Message),
                StringComparer.Ordinal);
        }
    }
}
