using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using ShortApi.Catalog;

namespace ShortApi.Journal
{
    /// <summary>Writes a record as one JSON line and reads it back. Unknown members are ignored, so older readers cope with newer journals.</summary>
    internal static class JournalSerializer
    {
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static byte[] ToLine(JournalRecord record)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, WriterOptions))
            {
                w.WriteStartObject();
                w.WriteNumber("v", 1);
                w.WriteString("type", Name(record.Type));
                w.WriteString("at", record.At);
                String(w, "inputKey", record.InputKey);
                String(w, "jobId", record.JobId);
                String(w, "model", record.Model);
                String(w, "modelName", record.ModelName);
                String(w, "source", record.Source);
                String(w, "prompt", record.Prompt);
                if (record.Arguments != null)
                {
                    w.WritePropertyName("arguments");
                    w.WriteStartObject();
                    foreach (var pair in record.Arguments)
                    {
                        w.WritePropertyName(pair.Key);
                        Value(w, pair.Value);
                    }

                    w.WriteEndObject();
                }

                Number(w, "estimatedCost", record.EstimatedCost);
                Number(w, "amount", record.Amount);
                Date(w, "submittedAt", record.SubmittedAt);
                String(w, "endpoint", record.Endpoint);
                if (record.Status.HasValue)
                {
                    w.WriteString("status", record.Status.Value.ToString());
                }

                if (record.StatusCode.HasValue)
                {
                    w.WriteNumber("statusCode", record.StatusCode.Value);
                }

                Strings(w, "outputUrls", record.OutputUrls);
                Strings(w, "files", record.Files);
                String(w, "error", record.Error);
                if (record.Refunded.HasValue)
                {
                    w.WriteBoolean("refunded", record.Refunded.Value);
                }

                Date(w, "completedAt", record.CompletedAt);
                String(w, "claimant", record.Claimant);
                w.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        /// <summary>The record on a line, or null when the line is not a journal record (a torn write, say).</summary>
        public static JournalRecord? FromLine(ReadOnlySpan<byte> line)
        {
            try
            {
                var reader = new Utf8JsonReader(line);
                using var document = JsonDocument.ParseValue(ref reader);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || !TryParseType(type.GetString(), out var recordType))
                {
                    return null;
                }

                return new JournalRecord
                {
                    Type = recordType,
                    At = GetDate(root, "at") ?? DateTimeOffset.MinValue,
                    InputKey = GetString(root, "inputKey"),
                    JobId = GetString(root, "jobId"),
                    Model = GetString(root, "model"),
                    ModelName = GetString(root, "modelName"),
                    Source = GetString(root, "source"),
                    Prompt = GetString(root, "prompt"),
                    Arguments = root.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.Object
                        ? args.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, ToValue(p.Value))).ToList()
                        : null,
                    EstimatedCost = GetDecimal(root, "estimatedCost"),
                    Amount = GetDecimal(root, "amount"),
                    SubmittedAt = GetDate(root, "submittedAt"),
                    Endpoint = GetString(root, "endpoint"),
                    Status = Enum.TryParse(GetString(root, "status"), true, out JobStatus status) ? status : (JobStatus?)null,
                    StatusCode = root.TryGetProperty("statusCode", out var code) && code.TryGetInt32(out int c) ? c : (int?)null,
                    OutputUrls = GetStrings(root, "outputUrls"),
                    Files = GetStrings(root, "files"),
                    Error = GetString(root, "error"),
                    Refunded = root.TryGetProperty("refunded", out var refunded) && (refunded.ValueKind == JsonValueKind.True || refunded.ValueKind == JsonValueKind.False) ? refunded.GetBoolean() : (bool?)null,
                    CompletedAt = GetDate(root, "completedAt"),
                    Claimant = GetString(root, "claimant"),
                };
            }
            catch (JsonException)
            {
                return null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>
        /// True when the line is the start of a record cut off mid-write (a killed writer), as
        /// opposed to damage: it reads as valid JSON that simply stops before its end.
        /// </summary>
        public static bool IsTornWrite(ReadOnlySpan<byte> line)
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: false, state: default);
            try
            {
                while (reader.Read())
                {
                }
            }
            catch (JsonException)
            {
                return false;
            }

            return reader.CurrentDepth > 0 || reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.PropertyName;
        }

        private static string Name(JournalRecordType type) => char.ToLowerInvariant(type.ToString()[0]) + type.ToString().Substring(1);

        private static bool TryParseType(string? text, out JournalRecordType type) => Enum.TryParse(text, true, out type) && Enum.IsDefined(typeof(JournalRecordType), type);

        private static void String(Utf8JsonWriter w, string name, string? value)
        {
            if (value != null)
            {
                w.WriteString(name, value);
            }
        }

        private static void Number(Utf8JsonWriter w, string name, decimal? value)
        {
            if (value.HasValue)
            {
                w.WriteNumber(name, value.Value);
            }
        }

        private static void Date(Utf8JsonWriter w, string name, DateTimeOffset? value)
        {
            if (value.HasValue)
            {
                w.WriteString(name, value.Value);
            }
        }

        private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string>? values)
        {
            if (values != null)
            {
                w.WriteStartArray(name);
                foreach (var v in values)
                {
                    w.WriteStringValue(v);
                }

                w.WriteEndArray();
            }
        }

        private static void Value(Utf8JsonWriter w, object? value)
        {
            switch (value)
            {
                case null: w.WriteNullValue(); break;
                case string s: w.WriteStringValue(s); break;
                case bool b: w.WriteBooleanValue(b); break;
                case IDictionary<string, object?> members:
                    w.WriteStartObject();
                    foreach (var pair in members)
                    {
                        w.WritePropertyName(pair.Key);
                        Value(w, pair.Value);
                    }

                    w.WriteEndObject();
                    break;
                case IEnumerable items:
                    w.WriteStartArray();
                    foreach (var item in items)
                    {
                        Value(w, item);
                    }

                    w.WriteEndArray();
                    break;
                default:
                    if (WireValue.IsNumber(value))
                    {
                        w.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        private static object? ToValue(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: return e.GetString();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number: return e.TryGetInt64(out long l) ? (object)l : e.GetDouble();
                case JsonValueKind.Array: return e.EnumerateArray().Select(ToValue).ToArray();
                case JsonValueKind.Object: return e.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value), StringComparer.Ordinal);
                default: return null;
            }
        }

        // A member of the wrong JSON type makes the whole line damage, not a record with a hole in it.
        private static string? GetString(JsonElement root, string name) =>
            Member(root, name, JsonValueKind.String) is JsonElement v ? v.GetString() : null;

        private static decimal? GetDecimal(JsonElement root, string name) =>
            Member(root, name, JsonValueKind.Number) is JsonElement v ? v.GetDecimal() : (decimal?)null;

        private static DateTimeOffset? GetDate(JsonElement root, string name) =>
            Member(root, name, JsonValueKind.String) is JsonElement v ? v.GetDateTimeOffset() : (DateTimeOffset?)null;

        private static IReadOnlyList<string>? GetStrings(JsonElement root, string name) =>
            Member(root, name, JsonValueKind.Array) is JsonElement v
                ? v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw new FormatException(name + " holds a non-string")).ToList()
                : null;

        /// <summary>The member when present and not null; throws when it has another JSON type than <paramref name="kind"/>.</summary>
        private static JsonElement? Member(JsonElement root, string name, JsonValueKind kind)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == kind ? value : throw new FormatException($"{name} is a JSON {value.ValueKind}, not {kind}");
        }
    }
}
