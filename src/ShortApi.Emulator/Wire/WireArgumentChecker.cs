using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Validation;

namespace ShortApi.Emulator.Wire
{
    /// <summary>
    /// Judges a create's args as the real service would from its pages: each documented parameter
    /// in its exact JSON type (happyhorse's duration a number, the others' a string), values spelled
    /// as the page spells them, required ones present, the page's cross-field rules kept. It shares
    /// only the catalog data with the client, not the client's conversions, so a client that sends
    /// the wrong type is caught here.
    /// </summary>
    internal static class WireArgumentChecker
    {
        public static List<string> Check(ModelDefinition model, WireObject args)
        {
            var problems = new List<string>();
            foreach (var parameter in model.Parameters)
            {
                if (!args.TryGet(parameter.Name, out var value) || value == null)
                {
                    if (parameter.Required)
                    {
                        problems.Add($"{parameter.Name} is required");
                    }

                    continue;
                }

                CheckValue(parameter, value, parameter.Name, problems);
            }

            if (problems.Count == 0)
            {
                var effective = new EffectiveArguments(model, ToPlain(args));
                foreach (var rule in model.Rules)
                {
                    problems.AddRange(rule.Check(effective).Where(i => i.Severity == IssueSeverity.Error).Select(i => i.Message));
                }
            }

            return problems;
        }

        private static void CheckValue(ParameterDefinition parameter, object value, string path, List<string> problems)
        {
            switch (parameter.Type)
            {
                case ParameterType.String:
                    if (!(value is string text))
                    {
                        problems.Add($"{path} must be a JSON string, got {Describe(value)}");
                        return;
                    }

                    if (parameter.Options.Count > 0 && !parameter.Options.Contains(text))
                    {
                        problems.Add($"{path} '{text}' is not one of {string.Join(", ", parameter.Options)}");
                    }
                    else if ((parameter.Minimum.HasValue || parameter.Maximum.HasValue) &&
                             (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || !InRange(parameter, n)))
                    {
                        problems.Add($"{path} '{text}' must be a whole number from {parameter.Minimum} to {parameter.Maximum} written as a string");
                    }

                    return;
                case ParameterType.Integer:
                    if (!(value is long number))
                    {
                        problems.Add($"{path} must be a JSON integer, got {Describe(value)}");
                        return;
                    }

                    if (!InRange(parameter, number) || (parameter.Options.Count > 0 && !parameter.Options.Any(o => WireValue.AreEqual(o, number))))
                    {
                        problems.Add($"{path} {number} is out of range {parameter.Minimum} to {parameter.Maximum}");
                    }

                    return;
                case ParameterType.Number:
                    if (!(value is long) && !(value is double))
                    {
                        problems.Add($"{path} must be a JSON number, got {Describe(value)}");
                    }

                    return;
                case ParameterType.Boolean:
                    if (!(value is bool))
                    {
                        problems.Add($"{path} must be JSON true or false, got {Describe(value)}");
                    }

                    return;
                case ParameterType.Image:
                case ParameterType.ImageUrl:
                    string? imageProblem = ImageValueChecker.Check(value, urlOnly: parameter.Type == ParameterType.ImageUrl);
                    if (imageProblem != null)
                    {
                        problems.Add($"{path} {imageProblem}");
                    }

                    return;
                case ParameterType.List:
                    if (!(value is List<object?> items))
                    {
                        problems.Add($"{path} must be a JSON array, got {Describe(value)}");
                        return;
                    }

                    if (parameter.MinItems.HasValue && items.Count < parameter.MinItems.Value)
                    {
                        problems.Add($"{path} needs at least {parameter.MinItems} items");
                    }

                    for (int i = 0; i < items.Count; i++)
                    {
                        if (parameter.Items != null && items[i] != null)
                        {
                            CheckValue(parameter.Items, items[i]!, $"{path}[{i}]", problems);
                        }
                    }

                    return;
                case ParameterType.Object:
                    if (!(value is WireObject members))
                    {
                        problems.Add($"{path} must be a JSON object, got {Describe(value)}");
                        return;
                    }

                    foreach (var property in parameter.Properties)
                    {
                        if (members.TryGet(property.Name, out var member) && member != null)
                        {
                            CheckValue(property, member, $"{path}.{property.Name}", problems);
                        }
                        else if (property.Required)
                        {
                            problems.Add($"{path}.{property.Name} is required");
                        }
                    }

                    foreach (var member in members.Where(m => parameter.Properties.All(p => p.Name != m.Key)))
                    {
                        problems.Add($"{path}.{member.Key} is not a member of {parameter.Name}");
                    }

                    return;
            }
        }

        private static bool InRange(ParameterDefinition parameter, long value) =>
            (!parameter.Minimum.HasValue || value >= parameter.Minimum.Value) && (!parameter.Maximum.HasValue || value <= parameter.Maximum.Value);

        private static string Describe(object value)
        {
            switch (value)
            {
                case string s: return $"the string \"{s}\"";
                case LargeString _: return "a long string";
                case long l: return "the number " + l.ToString(CultureInfo.InvariantCulture);
                case double d: return "the number " + d.ToString(CultureInfo.InvariantCulture);
                case bool b: return b ? "true" : "false";
                case WireObject _: return "an object";
                case List<object?> _: return "an array";
                default: return value.GetType().Name;
            }
        }

        /// <summary>The args as plain values for the catalog's rules (which only read scalars and list lengths).</summary>
        private static Dictionary<string, object?> ToPlain(WireObject args)
        {
            var plain = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in args)
            {
                plain[member.Key] = member.Value is LargeString ? "(image)" : member.Value;
            }

            return plain;
        }
    }
}
