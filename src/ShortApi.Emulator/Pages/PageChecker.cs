using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ShortApi.Emulator.Wire;

namespace ShortApi.Emulator.Pages
{
    /// <summary>
    /// Judges a create's args by the model's page: each documented parameter in its exact JSON type
    /// (happyhorse's duration a number, the others' a string), values spelled as the page spells
    /// them, required ones present, then the page's cross-field rules. Every problem is reported,
    /// as the client reports them all. Members the page does not document are let through, since
    /// the client sends extra arguments as given.
    /// </summary>
    internal static class PageChecker
    {
        /// <summary>The prefix of a refusal under a page's cross-field rule.</summary>
        public const string RulePrefix = "the page says: ";

        public static List<string> Check(PageModel model, WireObject args)
        {
            var problems = new List<string>();
            foreach (var parameter in model.Parameters)
            {
                if (args.TryGet(parameter.Name, out var value) && value != null)
                {
                    CheckValue(parameter, value, parameter.Name, problems);
                }
                else if (parameter.IsRequired)
                {
                    problems.Add($"{parameter.Name} is required");
                }
            }

            var arguments = new PageArguments(model, args);
            problems.AddRange(model.Rules.Where(r => r.IsBrokenBy(arguments)).Select(r => RulePrefix + r.PageSays));
            return problems;
        }

        private static void CheckValue(PageParameter parameter, object? value, string path, List<string> problems)
        {
            switch (parameter.Kind)
            {
                case WireKind.Text:
                    if (!(value is string) && !(value is LargeString))
                    {
                        problems.Add($"{path} must be a JSON string, got {Describe(value)}");
                    }

                    return;
                case WireKind.Choice:
                    if (!(value is string choice))
                    {
                        problems.Add($"{path} must be a JSON string, got {Describe(value)}");
                    }
                    else if (!parameter.Options.Contains(choice))
                    {
                        problems.Add($"{path} '{choice}' is not one of {string.Join(", ", parameter.Options)}");
                    }

                    return;
                case WireKind.WholeNumberText:
                    if (!(value is string digits))
                    {
                        problems.Add($"{path} must be a JSON string, got {Describe(value)}");
                    }
                    else if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long whole) || !InRange(parameter, whole))
                    {
                        problems.Add($"{path} '{digits}' must be a whole number from {parameter.Minimum} to {parameter.Maximum} written as a string");
                    }

                    return;
                case WireKind.Integer:
                    if (!(value is long number))
                    {
                        problems.Add($"{path} must be a JSON integer, got {Describe(value)}");
                    }
                    else if (!InRange(parameter, number))
                    {
                        problems.Add($"{path} {number} is out of range {parameter.Minimum} to {parameter.Maximum}");
                    }

                    return;
                case WireKind.Flag:
                    if (!(value is bool))
                    {
                        problems.Add($"{path} must be JSON true or false, got {Describe(value)}");
                    }

                    return;
                case WireKind.Image:
                case WireKind.ImageUrl:
                    string? imageProblem = ImageValueChecker.Check(value, urlOnly: parameter.Kind == WireKind.ImageUrl);
                    if (imageProblem != null)
                    {
                        problems.Add($"{path} {imageProblem}");
                    }

                    return;
                case WireKind.List:
                    CheckList(parameter, value, path, problems);
                    return;
                case WireKind.Object:
                    CheckObject(parameter, value, path, problems);
                    return;
            }
        }

        private static void CheckList(PageParameter parameter, object? value, string path, List<string> problems)
        {
            if (!(value is List<object?> items))
            {
                problems.Add($"{path} must be a JSON array, got {Describe(value)}");
                return;
            }

            // A required list with nothing in it gives the model nothing to work from.
            if (parameter.IsRequired && items.Count == 0)
            {
                problems.Add($"{path} needs at least one item");
            }

            for (int i = 0; i < items.Count; i++)
            {
                CheckValue(parameter.Items!, items[i], $"{path}[{i}]", problems);
            }
        }

        private static void CheckObject(PageParameter parameter, object? value, string path, List<string> problems)
        {
            if (!(value is WireObject members))
            {
                problems.Add($"{path} must be a JSON object, got {Describe(value)}");
                return;
            }

            foreach (var member in parameter.Members)
            {
                if (members.TryGet(member.Name, out var memberValue) && memberValue != null)
                {
                    CheckValue(member, memberValue, $"{path}.{member.Name}", problems);
                }
                else if (member.IsRequired)
                {
                    problems.Add($"{path}.{member.Name} is required");
                }
            }

            foreach (var unknown in members.Where(m => parameter.Members.All(p => p.Name != m.Key)))
            {
                problems.Add($"{path}.{unknown.Key} is not a member the page lists for {parameter.Name}");
            }
        }

        private static bool InRange(PageParameter parameter, long value) => value >= parameter.Minimum && value <= parameter.Maximum;

        private static string Describe(object? value)
        {
            switch (value)
            {
                case null: return "null";
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
    }
}
