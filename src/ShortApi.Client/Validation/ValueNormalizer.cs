using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Errors;
using ShortApi.Images;

namespace ShortApi.Validation
{
    /// <summary>
    /// Turns a value as a caller gave it (an int from -Duration, "720P" typed in any case, a
    /// hashtable, a path) into the exact wire form the model's page documents, or reports why it
    /// cannot. Options match without regard to case and come out as the page spells them.
    /// </summary>
    internal sealed class ValueNormalizer
    {
        private readonly string _model;
        private readonly List<ValidationIssue> _issues;

        public ValueNormalizer(string model, List<ValidationIssue> issues)
        {
            _model = model;
            _issues = issues;
        }

        /// <summary>The wire value, or null (with an issue recorded) when the value is not acceptable.</summary>
        public object? Normalize(ParameterDefinition parameter, object? value, string path)
        {
            switch (parameter.Type)
            {
                case ParameterType.String: return NormalizeString(parameter, value, path);
                case ParameterType.Integer: return NormalizeInteger(parameter, value, path);
                case ParameterType.Number: return NormalizeNumber(parameter, value, path);
                case ParameterType.Boolean: return NormalizeBoolean(parameter, value, path);
                case ParameterType.Image:
                case ParameterType.ImageUrl: return NormalizeImage(parameter, value, path);
                case ParameterType.List: return NormalizeList(parameter, value, path);
                case ParameterType.Object: return NormalizeObject(parameter, value, path);
                default: throw new InvalidOperationException("Unhandled parameter type " + parameter.Type);
            }
        }

        private object? NormalizeString(ParameterDefinition parameter, object? value, string path)
        {
            string text;
            if (value is string s)
            {
                text = s;
            }
            else if (WireValue.IsNumber(value) && (parameter.Options.Count > 0 || parameter.Minimum.HasValue || parameter.Maximum.HasValue))
            {
                // -Duration 5 for a model that sends duration as "5".
                text = WireValue.Format(value);
            }
            else
            {
                return Fail(parameter, path, value, "must be text");
            }

            if (parameter.Options.Count > 0)
            {
                return MatchOption(parameter, text, path);
            }

            if (parameter.Minimum.HasValue || parameter.Maximum.HasValue)
            {
                if (!decimal.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out decimal number))
                {
                    return Fail(parameter, path, value, "must be a whole number");
                }

                if (!InRange(parameter, number))
                {
                    return Fail(parameter, path, value, "is out of range");
                }

                return number.ToString(CultureInfo.InvariantCulture);
            }

            if (string.IsNullOrWhiteSpace(text) && parameter.Required)
            {
                return Fail(parameter, path, value, "must not be empty", allowed: "non-empty text");
            }

            return text;
        }

        private object? NormalizeInteger(ParameterDefinition parameter, object? value, string path)
        {
            decimal number;
            if (WireValue.IsNumber(value))
            {
                number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            }
            else if (value is string text && decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                number = parsed;
            }
            else
            {
                return Fail(parameter, path, value, "must be a whole number");
            }

            if (number != decimal.Truncate(number) || number > long.MaxValue || number < long.MinValue)
            {
                return Fail(parameter, path, value, "must be a whole number");
            }

            if (!InRange(parameter, number))
            {
                return Fail(parameter, path, value, "is out of range");
            }

            object result = (long)number;
            return parameter.Options.Count > 0 ? MatchOption(parameter, result, path) : result;
        }

        private object? NormalizeNumber(ParameterDefinition parameter, object? value, string path)
        {
            decimal number;
            if (WireValue.IsNumber(value))
            {
                number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            }
            else if (value is string text && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                number = parsed;
            }
            else
            {
                return Fail(parameter, path, value, "must be a number");
            }

            if (!InRange(parameter, number))
            {
                return Fail(parameter, path, value, "is out of range");
            }

            object result = (double)number;
            return parameter.Options.Count > 0 ? MatchOption(parameter, result, path) : result;
        }

        private object? NormalizeBoolean(ParameterDefinition parameter, object? value, string path)
        {
            if (value is bool b)
            {
                return b;
            }

            if (value is string text && bool.TryParse(text.Trim(), out var parsed))
            {
                return parsed;
            }

            return Fail(parameter, path, value, "must be true or false");
        }

        private object? NormalizeImage(ParameterDefinition parameter, object? value, string path)
        {
            ImageInput image;
            if (value is ImageInput given)
            {
                image = given;
            }
            else if (value is Uri uri && ImageInput.TryParseUrl(uri.OriginalString, out _))
            {
                image = ImageInput.FromUrl(uri.OriginalString);
            }
            else if (value is string text && ImageInput.TryParseUrl(text, out _))
            {
                image = ImageInput.FromUrl(text);
            }
            else if (value is string localPath && localPath.Length > 0 && System.IO.Path.IsPathRooted(localPath))
            {
                image = ImageInput.FromFile(localPath);
            }
            else if (value is string dataUri && dataUri.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                return Fail(parameter, path, "(a data: URI)", "must not carry a data: prefix; pass the file itself and it is sent as raw base64", allowed: parameter.DescribeAllowed());
            }
            else
            {
                return Fail(parameter, path, value, "is neither an http(s) URL nor a full path to a local file");
            }

            if (image.IsLocalFile && parameter.Type == ParameterType.ImageUrl)
            {
                _issues.Add(new ValidationIssue(
                    _model,
                    path,
                    Quote(image.Original),
                    "is a local file, but this model takes the image only as a URL. Upload the file where ShortAPI can fetch it over https and pass that URL",
                    allowed: "an http(s) URL",
                    reason: ShortApiErrorReason.ImageRejected));
                return null;
            }

            return image;
        }

        private object? NormalizeList(ParameterDefinition parameter, object? value, string path)
        {
            var items = value is IEnumerable enumerable && !(value is string) && !(value is IDictionary)
                ? enumerable.Cast<object?>().ToList()
                : new List<object?> { value };

            var result = new List<object?>(items.Count);
            bool failed = false;
            for (int i = 0; i < items.Count; i++)
            {
                var normalized = parameter.Items == null ? items[i] : Normalize(parameter.Items, items[i], $"{path}[{i}]");
                failed |= normalized == null;
                result.Add(normalized);
            }

            if (parameter.MinItems.HasValue && result.Count < parameter.MinItems.Value)
            {
                return Fail(parameter, path, null, $"needs at least {parameter.MinItems} item{(parameter.MinItems == 1 ? string.Empty : "s")}, {result.Count} given");
            }

            if (parameter.MaxItems.HasValue && result.Count > parameter.MaxItems.Value)
            {
                return Fail(parameter, path, null, $"takes at most {parameter.MaxItems} items, {result.Count} given");
            }

            return failed ? null : result;
        }

        private object? NormalizeObject(ParameterDefinition parameter, object? value, string path)
        {
            var members = AsDictionary(value);
            if (members == null)
            {
                return Fail(parameter, path, value, "must be a hashtable or object with " + string.Join(", ", parameter.Properties.Select(p => p.Name)));
            }

            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            bool failed = false;
            foreach (var member in members)
            {
                var property = parameter.Properties.FirstOrDefault(p => string.Equals(p.Name, member.Key, StringComparison.OrdinalIgnoreCase));
                if (property == null)
                {
                    failed = true;
                    _issues.Add(new ValidationIssue(_model, $"{path}.{member.Key}", null, "is not a member of " + parameter.Name,
                        allowed: string.Join(", ", parameter.Properties.Select(p => p.Name))));
                    continue;
                }

                if (member.Value == null)
                {
                    continue;
                }

                var normalized = Normalize(property, member.Value, $"{path}.{property.Name}");
                failed |= normalized == null;
                result[property.Name] = normalized;
            }

            foreach (var property in parameter.Properties.Where(p => p.Required && !result.ContainsKey(p.Name)))
            {
                failed = true;
                _issues.Add(new ValidationIssue(_model, $"{path}.{property.Name}", null, "is required", allowed: property.DescribeAllowed()));
            }

            if (failed)
            {
                return null;
            }

            // Members in the page's order, whatever order the caller's hashtable happened to hold them in.
            var ordered = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in parameter.Properties.Where(p => result.ContainsKey(p.Name)))
            {
                ordered[property.Name] = result[property.Name];
            }

            return ordered;
        }

        /// <summary>A hashtable or another dictionary as name/value pairs; null for anything else (a plain object is not read).</summary>
        internal static IReadOnlyList<KeyValuePair<string, object?>>? AsDictionary(object? value)
        {
            switch (value)
            {
                case IDictionary dictionary:
                    return dictionary.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(Convert.ToString(k, CultureInfo.InvariantCulture) ?? string.Empty, dictionary[k])).ToList();
                case IEnumerable<KeyValuePair<string, object?>> pairs:
                    return pairs.ToList();
                default:
                    return null;
            }
        }

        private object? MatchOption(ParameterDefinition parameter, object given, string path)
        {
            foreach (var option in parameter.Options)
            {
                if (WireValue.AreEqual(option, given) ||
                    (option is string o && given is string g && string.Equals(o, g.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    return option;
                }
            }

            return Fail(parameter, path, given, "is not allowed");
        }

        private static bool InRange(ParameterDefinition parameter, decimal number) =>
            (!parameter.Minimum.HasValue || number >= parameter.Minimum.Value) &&
            (!parameter.Maximum.HasValue || number <= parameter.Maximum.Value);

        private object? Fail(ParameterDefinition parameter, string path, object? value, string problem, string? allowed = null)
        {
            _issues.Add(new ValidationIssue(_model, path, value == null ? null : Quote(value), problem, allowed ?? parameter.DescribeAllowed()));
            return null;
        }

        private static string Quote(object value) => value is string s ? "'" + s + "'" : WireValue.Quote(value);
    }
}
