using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using ShortApi.Catalog.Rules;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Pricing;
using ShortApi.Validation;

namespace ShortApi.Catalog
{
    /// <summary>
    /// Reads a catalog document (the built-in models.json, or a user's file of the same shape) into
    /// model definitions, and refuses a malformed one with the path of what is wrong, so a typo in
    /// a user's catalog is found when it is loaded, not when a job is half-sent.
    /// </summary>
    public static class CatalogReader
    {
        /// <summary>
        /// The models of a catalog document. Image parameters without limits of their own take the
        /// document's top-level <c>imageLimits</c>, else <paramref name="generalLimits"/>.
        /// </summary>
        public static IReadOnlyList<ModelDefinition> Read(Stream json, string sourceName, ImageLimits? generalLimits = null) =>
            ReadDocument(json, sourceName, generalLimits).Models;

        /// <summary>The models and the document's general image limits (<c>imageLimits</c>), when it has them.</summary>
        internal static (IReadOnlyList<ModelDefinition> Models, ImageLimits? ImageLimits) ReadDocument(Stream json, string sourceName, ImageLimits? generalLimits)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                throw new ShortApiException(ShortApiErrorReason.CatalogInvalid, $"The catalog {sourceName} is not valid JSON: {ex.Message}", ex) { Target = sourceName };
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
                {
                    throw new Context(sourceName, null).Error("$", "expected an object with a \"models\" array");
                }

                var general = root.TryGetProperty("imageLimits", out var limits)
                    ? ReadLimits(limits, new Context(sourceName, null), "imageLimits")
                    : generalLimits;
                var context = new Context(sourceName, general);

                var result = new List<ModelDefinition>();
                int index = 0;
                foreach (var model in models.EnumerateArray())
                {
                    result.Add(ReadModel(model, context, $"models[{index++}]"));
                }

                return (result, general);
            }
        }

        public static IReadOnlyList<ModelDefinition> ReadFile(string path, ImageLimits? generalLimits = null)
        {
            try
            {
                using var stream = File.OpenRead(path);
                return Read(stream, path, generalLimits);
            }
            catch (IOException ex)
            {
                throw new ShortApiException(ShortApiErrorReason.CatalogInvalid, $"The catalog file {path} cannot be read: {ex.Message}", ex) { Target = path };
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ShortApiException(ShortApiErrorReason.CatalogInvalid, $"The catalog file {path} cannot be read: {ex.Message}", ex) { Target = path };
            }
        }

        private static ModelDefinition ReadModel(JsonElement element, Context context, string path)
        {
            RequireObject(element, context, path);
            string id = RequiredString(element, "id", context, path);
            path = $"{path} ({id})";
            string? shortName = OptionalString(element, "shortName", context, path);
            string? summary = OptionalString(element, "summary", context, path);

            var parameters = new List<ParameterDefinition>();
            if (element.TryGetProperty("parameters", out var list))
            {
                RequireArray(list, context, path + ".parameters");
                foreach (var p in list.EnumerateArray())
                {
                    parameters.Add(ReadParameter(p, context, path + ".parameters"));
                }
            }

            var duplicate = parameters.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                throw context.Error(path, $"parameter '{duplicate.Key}' is defined twice");
            }

            var byName = parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
            var rules = new List<CrossFieldRule>();
            if (element.TryGetProperty("rules", out var ruleList))
            {
                RequireArray(ruleList, context, path + ".rules");
                int i = 0;
                foreach (var r in ruleList.EnumerateArray())
                {
                    rules.Add(ReadRule(r, byName, context, $"{path}.rules[{i++}]"));
                }
            }

            PricingDefinition? pricing = null;
            if (element.TryGetProperty("pricing", out var pricingElement))
            {
                pricing = ReadPricing(pricingElement, byName, context, path + ".pricing");
            }

            var typicalSeconds = OptionalDecimal(element, "typicalSeconds", context, path);
            if (typicalSeconds <= 0)
            {
                throw context.Error(path + ".typicalSeconds", "must be a positive number of seconds");
            }

            var typicalLength = typicalSeconds.HasValue ? TimeSpan.FromSeconds((double)typicalSeconds.Value) : (TimeSpan?)null;
            return new ModelDefinition(id, shortName, summary, parameters, rules, pricing, typicalLength);
        }

        private static ParameterDefinition ReadParameter(JsonElement element, Context context, string parent)
        {
            RequireObject(element, context, parent);
            string name = RequiredString(element, "name", context, parent);
            string path = $"{parent}.{name}";
            var type = ReadType(element, context, path);

            ParameterDefinition? items = null;
            if (type == ParameterType.List)
            {
                if (!element.TryGetProperty("items", out var itemsElement))
                {
                    throw context.Error(path, "a list needs \"items\"");
                }

                items = ReadParameter(WithName(itemsElement, name + "[]"), context, path);
            }

            var properties = new List<ParameterDefinition>();
            if (type == ParameterType.Object)
            {
                if (!element.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Array)
                {
                    throw context.Error(path, "an object needs a \"properties\" array");
                }

                foreach (var p in props.EnumerateArray())
                {
                    properties.Add(ReadParameter(p, context, path));
                }
            }

            object? defaultValue = null;
            if (element.TryGetProperty("default", out var def))
            {
                defaultValue = ReadTypedValue(def, type, context, path + ".default");
            }

            var options = new List<object>();
            if (element.TryGetProperty("options", out var opts))
            {
                RequireArray(opts, context, path + ".options");
                foreach (var o in opts.EnumerateArray())
                {
                    options.Add(ReadTypedValue(o, type, context, path + ".options"));
                }
            }

            decimal? minimum = OptionalDecimal(element, "minimum", context, path);
            decimal? maximum = OptionalDecimal(element, "maximum", context, path);
            if ((minimum.HasValue || maximum.HasValue) && type != ParameterType.Integer && type != ParameterType.Number && type != ParameterType.String)
            {
                throw context.Error(path, "minimum and maximum apply to numbers, or to strings that hold whole numbers");
            }

            if (defaultValue != null && options.Count > 0 && !options.Any(o => WireValue.AreEqual(o, defaultValue)))
            {
                throw context.Error(path, $"the default {WireValue.Quote(defaultValue)} is not one of the options");
            }

            return new ParameterDefinition(
                name,
                type,
                required: OptionalBool(element, "required", context, path) ?? false,
                defaultValue: defaultValue,
                options: options,
                minimum: minimum,
                maximum: maximum,
                minItems: OptionalInt(element, "minItems", context, path),
                maxItems: OptionalInt(element, "maxItems", context, path),
                items: items,
                properties: properties,
                length: element.TryGetProperty("length", out var length) ? ReadLength(length, context, path + ".length") : null,
                limits: LimitsOf(element, type, context, path),
                description: OptionalString(element, "description", context, path));
        }

        private static JsonElement WithName(JsonElement items, string name)
        {
            // Item schemas need no name in the file; give them one so messages can say "images[]".
            if (items.ValueKind == JsonValueKind.Object && !items.TryGetProperty("name", out _))
            {
                var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", name);
                    foreach (var property in items.EnumerateObject())
                    {
                        property.WriteTo(writer);
                    }

                    writer.WriteEndObject();
                }

                return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
            }

            return items;
        }

        private static ParameterType ReadType(JsonElement element, Context context, string path)
        {
            string text = RequiredString(element, "type", context, path);
            switch (text)
            {
                case "string": return ParameterType.String;
                case "integer": return ParameterType.Integer;
                case "number": return ParameterType.Number;
                case "boolean": return ParameterType.Boolean;
                case "image": return ParameterType.Image;
                case "imageUrl": return ParameterType.ImageUrl;
                case "list": return ParameterType.List;
                case "object": return ParameterType.Object;
                default:
                    throw context.Error(path, $"unknown type '{text}'; use string, integer, number, boolean, image, imageUrl, list or object");
            }
        }

        private static object ReadTypedValue(JsonElement value, ParameterType type, Context context, string path)
        {
            switch (type)
            {
                case ParameterType.String:
                case ParameterType.Image:
                case ParameterType.ImageUrl:
                    if (value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString()!;
                    }

                    break;
                case ParameterType.Integer:
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long l))
                    {
                        return l;
                    }

                    break;
                case ParameterType.Number:
                    if (value.ValueKind == JsonValueKind.Number)
                    {
                        return value.GetDouble();
                    }

                    break;
                case ParameterType.Boolean:
                    if (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
                    {
                        return value.GetBoolean();
                    }

                    break;
            }

            throw context.Error(path, $"{value.GetRawText()} is not a {type.ToString().ToLowerInvariant()} value");
        }

        /// <summary>Condition and price values keep their JSON type: "5" stays text, 5 stays a number.</summary>
        private static object ReadScalar(JsonElement value, Context context, string path)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return value.GetString()!;
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number: return value.TryGetInt64(out long l) ? (object)l : value.GetDouble();
                default: throw context.Error(path, $"{value.GetRawText()} must be a string, number or boolean");
            }
        }

        private static CrossFieldRule ReadRule(JsonElement element, IReadOnlyDictionary<string, ParameterDefinition> parameters, Context context, string path)
        {
            RequireObject(element, context, path);
            string kind = RequiredString(element, "kind", context, path);
            var when = ReadCondition(element, parameters, context, path);
            string message = RequiredString(element, "message", context, path);
            var severity = ReadSeverity(element, context, path);

            switch (kind)
            {
                case "forbid":
                    return new ValueListRule(when, KnownParameter(element, "parameter", parameters, context, path), ReadValues(element, context, path), allows: false, message, severity);
                case "allow":
                    return new ValueListRule(when, KnownParameter(element, "parameter", parameters, context, path), ReadValues(element, context, path), allows: true, message, severity);
                case "maxItems":
                    return new MaxItemsRule(when, KnownParameter(element, "parameter", parameters, context, path), RequiredInt(element, "max", context, path), message, severity);
                case "maxTotalItems":
                    if (!element.TryGetProperty("parameters", out var names) || names.ValueKind != JsonValueKind.Array)
                    {
                        throw context.Error(path, "maxTotalItems needs a \"parameters\" array");
                    }

                    var list = names.EnumerateArray().Select(n => CheckKnown(n.GetString() ?? string.Empty, parameters, context, path)).ToList();
                    return new MaxTotalItemsRule(when, list, RequiredInt(element, "max", context, path), message, severity);
                case "onlyWhen":
                    return new OnlyWhenRule(when, KnownParameter(element, "parameter", parameters, context, path), message, severity);
                default:
                    throw context.Error(path, $"unknown rule kind '{kind}'; use forbid, allow, maxItems, maxTotalItems or onlyWhen");
            }
        }

        private static RuleCondition ReadCondition(JsonElement element, IReadOnlyDictionary<string, ParameterDefinition> parameters, Context context, string path)
        {
            var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            if (element.TryGetProperty("when", out var when))
            {
                RequireObject(when, context, path + ".when");
                foreach (var property in when.EnumerateObject())
                {
                    var parameter = parameters[CheckKnown(property.Name, parameters, context, path + ".when")];
                    values[parameter.Name] = ReadTypedValue(property.Value, parameter.Type, context, $"{path}.when.{property.Name}");
                }
            }

            var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            if (element.TryGetProperty("whenCount", out var whenCount))
            {
                RequireObject(whenCount, context, path + ".whenCount");
                foreach (var property in whenCount.EnumerateObject())
                {
                    string name = CheckKnown(property.Name, parameters, context, path + ".whenCount");
                    if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt32(out int count))
                    {
                        throw context.Error($"{path}.whenCount.{property.Name}", "must be a whole number");
                    }

                    counts[name] = count;
                }
            }

            return values.Count == 0 && counts.Count == 0 ? RuleCondition.Always : new RuleCondition(values, counts);
        }

        private static PricingDefinition ReadPricing(JsonElement element, IReadOnlyDictionary<string, ParameterDefinition> parameters, Context context, string path)
        {
            RequireObject(element, context, path);
            var rates = new List<PriceRate>();
            if (element.TryGetProperty("rates", out var list))
            {
                RequireArray(list, context, path + ".rates");
                int i = 0;
                foreach (var rate in list.EnumerateArray())
                {
                    string ratePath = $"{path}.rates[{i++}]";
                    RequireObject(rate, context, ratePath);
                    decimal? perRequest = OptionalDecimal(rate, "perRequest", context, ratePath);
                    decimal? perSecond = OptionalDecimal(rate, "perSecond", context, ratePath);
                    if (perRequest.HasValue == perSecond.HasValue)
                    {
                        throw context.Error(ratePath, "give exactly one of perRequest and perSecond");
                    }

                    rates.Add(new PriceRate(ReadCondition(rate, parameters, context, ratePath), perRequest, perSecond));
                }
            }

            return new PricingDefinition(
                rates,
                OptionalString(element, "note", context, path),
                OptionalString(element, "currency", context, path) ?? "USD",
                OptionalString(element, "durationParameter", context, path) ?? "duration");
        }

        private static TextLengthLimit ReadLength(JsonElement element, Context context, string path)
        {
            RequireObject(element, context, path);
            return new TextLengthLimit(
                RequiredInt(element, "max", context, path),
                OptionalInt(element, "chineseCharacterWeight", context, path) ?? 1,
                ReadSeverity(element, context, path),
                OptionalString(element, "message", context, path));
        }

        /// <summary>An image parameter's limits: its own over the document's general ones, or the general ones alone.</summary>
        private static ImageLimits? LimitsOf(JsonElement element, ParameterType type, Context context, string path)
        {
            if (element.TryGetProperty("limits", out var own))
            {
                var limits = ReadLimits(own, context, path + ".limits");
                return context.GeneralLimits != null ? limits.Over(context.GeneralLimits) : limits;
            }

            return type == ParameterType.Image || type == ParameterType.ImageUrl ? context.GeneralLimits : null;
        }

        private static ImageLimits ReadLimits(JsonElement element, Context context, string path)
        {
            RequireObject(element, context, path);
            var formats = new List<ImageFormat>();
            if (element.TryGetProperty("formats", out var list))
            {
                RequireArray(list, context, path + ".formats");
                foreach (var f in list.EnumerateArray())
                {
                    string name = f.GetString() ?? string.Empty;
                    if (!ImageFormats.TryParse(name, out var format))
                    {
                        throw context.Error(path + ".formats", $"unknown image format '{name}'; use png, jpeg or webp");
                    }

                    formats.Add(format);
                }
            }

            return new ImageLimits(
                formats.Count > 0 ? formats : ImageLimits.CommonFormats,
                OptionalInt(element, "minWidth", context, path),
                OptionalInt(element, "minHeight", context, path),
                (double?)OptionalDecimal(element, "minAspectRatio", context, path),
                (double?)OptionalDecimal(element, "maxAspectRatio", context, path),
                (long?)OptionalDecimal(element, "maxBytes", context, path),
                OptionalInt(element, "maxWidth", context, path),
                OptionalInt(element, "maxHeight", context, path));
        }

        private static IssueSeverity ReadSeverity(JsonElement element, Context context, string path)
        {
            string? text = OptionalString(element, "severity", context, path);
            switch (text)
            {
                case null:
                case "error": return IssueSeverity.Error;
                case "warning": return IssueSeverity.Warning;
                default: throw context.Error(path, $"unknown severity '{text}'; use error or warning");
            }
        }

        private static IReadOnlyList<object> ReadValues(JsonElement element, Context context, string path)
        {
            if (!element.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
            {
                throw context.Error(path, "needs a \"values\" array");
            }

            return values.EnumerateArray().Select(v => ReadScalar(v, context, path + ".values")).ToList();
        }

        private static string KnownParameter(JsonElement element, string property, IReadOnlyDictionary<string, ParameterDefinition> parameters, Context context, string path) =>
            CheckKnown(RequiredString(element, property, context, path), parameters, context, path);

        private static string CheckKnown(string name, IReadOnlyDictionary<string, ParameterDefinition> parameters, Context context, string path)
        {
            if (!parameters.TryGetValue(name, out var parameter))
            {
                throw context.Error(path, $"names parameter '{name}', which the model does not define");
            }

            return parameter.Name;
        }

        private static void RequireObject(JsonElement element, Context context, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw context.Error(path, "expected an object");
            }
        }

        private static void RequireArray(JsonElement element, Context context, string path)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw context.Error(path, "expected an array");
            }
        }

        private static string RequiredString(JsonElement element, string name, Context context, string path) =>
            OptionalString(element, name, context, path) ?? throw context.Error(path, $"\"{name}\" is required");

        private static string? OptionalString(JsonElement element, string name, Context context, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw context.Error($"{path}.{name}", "must be a string");
        }

        private static bool? OptionalBool(JsonElement element, string name, Context context, string path)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False
                ? value.GetBoolean()
                : throw context.Error($"{path}.{name}", "must be true or false");
        }

        private static int RequiredInt(JsonElement element, string name, Context context, string path) =>
            OptionalInt(element, name, context, path) ?? throw context.Error(path, $"\"{name}\" is required");

        private static int? OptionalInt(JsonElement element, string name, Context context, string path)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int i)
                ? i
                : throw context.Error($"{path}.{name}", "must be a whole number");
        }

        private static decimal? OptionalDecimal(JsonElement element, string name, Context context, string path)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal d)
                ? d
                : throw context.Error($"{path}.{name}", "must be a number");
        }

        private sealed class Context
        {
            private readonly string _source;

            public Context(string source, ImageLimits? generalLimits)
            {
                _source = source;
                GeneralLimits = generalLimits;
            }

            /// <summary>The document's limits for any image its page states none for.</summary>
            public ImageLimits? GeneralLimits { get; }

            public ShortApiException Error(string path, string problem) =>
                new ShortApiException(ShortApiErrorReason.CatalogInvalid, string.Format(CultureInfo.InvariantCulture, "The catalog {0} is not valid at {1}: {2}.", _source, path, problem)) { Target = _source };
        }
    }
}
