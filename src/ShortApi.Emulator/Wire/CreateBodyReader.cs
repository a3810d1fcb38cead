using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ShortApi.Emulator.Wire
{
    /// <summary>
    /// Reads a create body with a forward-only reader. JSON types are kept as they came (a string
    /// "5" stays a string, 5 stays a long), because checking wire types is the point; strings over
    /// a few kilobytes stay in the buffer as <see cref="LargeString"/>.
    /// </summary>
    internal static class CreateBodyReader
    {
        private const int LargeStringBytes = 4096;

        /// <summary>The body, or null with <paramref name="problem"/> set when it is not a JSON object.</summary>
        public static CreateBody? Read(byte[] body, int length, out string? problem)
        {
            problem = null;
            try
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(body, 0, length), new JsonReaderOptions { MaxDepth = 32 });
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    problem = "the body is not a JSON object";
                    return null;
                }

                var top = (WireObject)ReadValue(ref reader, body)!;
                var result = new CreateBody();
                if (top.TryGet("model", out var model))
                {
                    result.Model = model as string;
                }

                if (top.TryGet("args", out var args))
                {
                    result.Args = args as WireObject;
                }

                if (top.TryGet("callback_url", out var callback))
                {
                    result.CallbackUrl = callback as string;
                }

                return result;
            }
            catch (JsonException ex)
            {
                problem = "the body is not valid JSON: " + ex.Message;
                return null;
            }
        }

        private static object? ReadValue(ref Utf8JsonReader reader, byte[] buffer)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    if (reader.ValueSpan.Length > LargeStringBytes && !reader.ValueIsEscaped)
                    {
                        // TokenStartIndex is the opening quote.
                        return new LargeString(buffer, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                    }

                    return reader.GetString();
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out long l) ? (object)l : reader.GetDouble();
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.StartArray:
                    var list = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        list.Add(ReadValue(ref reader, buffer));
                    }

                    return list;
                case JsonTokenType.StartObject:
                    var members = new WireObject();
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        string name = reader.GetString()!;
                        reader.Read();
                        members.Add(name, ReadValue(ref reader, buffer));
                    }

                    return members;
                default:
                    throw new JsonException("Unexpected token " + reader.TokenType);
            }
        }
    }
}
