using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ShortApi.Catalog;
using ShortApi.Jobs;

namespace ShortApi.Emulator.Tests.Agreement
{
    /// <summary>
    /// One create to judge twice: a model id and its args, every value already in the form the
    /// page puts on the wire, so the client (which would normalize it) and the emulator (which
    /// takes it raw) are shown the same thing.
    /// </summary>
    internal sealed class ArgumentCase
    {
        public ArgumentCase(string model, IReadOnlyList<KeyValuePair<string, object?>> args)
        {
            Model = model;
            Args = args;
        }

        public string Model { get; }

        public IReadOnlyList<KeyValuePair<string, object?>> Args { get; }

        public bool Gives(string name) => Args.Any(p => p.Key == name);

        /// <summary>The same args as a caller of the client gives them.</summary>
        public JobRequest ToJobRequest()
        {
            var request = new JobRequest(Model);
            foreach (var pair in Args)
            {
                request.Arguments[pair.Key] = pair.Value;
            }

            return request;
        }

        /// <summary>The create body sent as is, with no client in between.</summary>
        public string ToRawBody()
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("model", Model);
                writer.WritePropertyName("args");
                Write(writer, Args.ToDictionary(p => p.Key, p => p.Value));
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        public override string ToString() =>
            "{" + string.Join(", ", Args.Select(p => p.Key + "=" + Shorten(WireValue.Format(p.Value)))) + "}";

        private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 12) + $"...({text.Length} chars)" : text;

        private static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case long l:
                    writer.WriteNumberValue(l);
                    break;
                case IDictionary<string, object?> members:
                    writer.WriteStartObject();
                    foreach (var member in members)
                    {
                        writer.WritePropertyName(member.Key);
                        Write(writer, member.Value);
                    }

                    writer.WriteEndObject();
                    break;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        Write(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    throw new System.ArgumentException("A case value must be a JSON value: " + value.GetType().Name);
            }
        }
    }
}
