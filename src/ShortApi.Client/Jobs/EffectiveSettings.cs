using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Catalog.Rules;

namespace ShortApi.Jobs
{
    /// <summary>
    /// The settings a job would run with: what it sends and, for what it leaves out, the defaults
    /// its page documents, in the page's order. The prompt and the images are not settings and are
    /// left out; so is a default the page applies only under a condition the job does not meet
    /// (kling-o1's aspect_ratio for a frame job).
    /// </summary>
    internal static class EffectiveSettings
    {
        private const string PromptName = "prompt";

        public static JobArguments Of(PreparedJob job)
        {
            var sent = job.DisplayArguments
                .Where(p => !IsPrompt(p.Key) && !job.IsImageValue(p.Key))
                .ToList();
            var model = job.Model.Definition;
            if (model == null)
            {
                return new JobArguments(sent);
            }

            var given = job.WireArguments.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
            var effective = new EffectiveArguments(model, given);
            var settings = new List<KeyValuePair<string, object?>>();
            foreach (var parameter in model.Parameters.Where(p => !p.TakesImages && !IsPrompt(p.Name)))
            {
                int index = sent.FindIndex(p => string.Equals(p.Key, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (index >= 0)
                {
                    settings.Add(sent[index]);
                    sent.RemoveAt(index);
                }
                else if (parameter.HasDefault && DefaultApplies(model, parameter, effective))
                {
                    settings.Add(new KeyValuePair<string, object?>(parameter.Name, parameter.Default));
                }
            }

            // What is left was sent under names the page does not document (-Arguments).
            settings.AddRange(sent);
            return new JobArguments(settings);
        }

        private static bool DefaultApplies(ModelDefinition model, ParameterDefinition parameter, EffectiveArguments arguments) =>
            !model.Rules.OfType<OnlyWhenRule>().Any(rule =>
                string.Equals(rule.Parameter, parameter.Name, StringComparison.OrdinalIgnoreCase) && !rule.OnlyWhen.Matches(arguments));

        private static bool IsPrompt(string name) => string.Equals(name, PromptName, StringComparison.OrdinalIgnoreCase);
    }
}
