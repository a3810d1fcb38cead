using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using ShortApi.Errors;
using ShortApi.Jobs;

namespace ShortApi.Transport
{
    /// <summary>
    /// Reads ShortAPI's envelope (<c>code</c>, <c>msg</c> or <c>message</c>, <c>data</c>) and the
    /// create and query payloads inside it. Anything not of the documented shape is reported as
    /// such, never guessed into a success.
    /// </summary>
    internal static class ApiResponseReader
    {
        /// <summary>The parsed body, or null when it is not JSON.</summary>
        public static JsonDocument? TryParse(byte[] body)
        {
            if (body.Length == 0)
            {
                return null;
            }

            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        public static int? Code(JsonElement root) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var code) ? AsInt(code) : null;

        /// <summary>The envelope's message: <c>msg</c>, else <c>message</c>.</summary>
        public static string? Message(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (string name in new[] { "msg", "message", "error" })
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0)
                {
                    return value.GetString();
                }
            }

            return null;
        }

        /// <summary>The create payload's job id and amount; null when there is no usable job id.</summary>
        public static CreatedJob? ReadCreated(JsonElement root)
        {
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? jobId = null;
            if (data.TryGetProperty("job_id", out var id))
            {
                jobId = id.ValueKind == JsonValueKind.String ? id.GetString() : id.ValueKind == JsonValueKind.Number ? id.GetRawText() : null;
            }

            if (!JobIds.IsPlausible(jobId))
            {
                return null; // absent, absurdly long or with control characters: not an id anyone can use
            }

            decimal? amount = data.TryGetProperty("amount", out var a) ? AsDecimal(a) : null;
            return new CreatedJob(jobId!, amount);
        }

        /// <summary>
        /// The query payload as a job state; a shape it cannot read gives status Unknown with the
        /// reason. The service's own words (the error) are made safe by <paramref name="text"/>.
        /// </summary>
        public static JobState ReadState(string jobId, JsonElement root, DateTimeOffset observedAt, ServiceText text)
        {
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                return new JobState(jobId, JobStatus.Unknown, null, Array.Empty<string>(), "The query answer had no data object.", false, observedAt);
            }

            int? code = data.TryGetProperty("status", out var s) ? AsInt(s) : null;
            var status = JobStatusCodes.FromCode(code);
            var urls = ReadOutputUrls(data).Select(text.Redact).ToList();
            bool refunded = ReadRefunded(data);
            string? error = text.Clean(ReadError(data));

            if (status == JobStatus.Succeeded && urls.Count == 0)
            {
                // "Succeeded" with nothing to download is not a success a user can use.
                return new JobState(jobId, JobStatus.Unknown, code, urls, "The service reported success but named no output.", refunded, observedAt);
            }

            if (status == JobStatus.Unknown)
            {
                error ??= code.HasValue
                    ? $"The service reported status {code}, which this client does not know."
                    : "The query answer had no status.";
            }

            if (status == JobStatus.Failed && string.IsNullOrEmpty(error))
            {
                error = $"The job failed (status {code}) without saying why.";
            }

            return new JobState(jobId, status, code, urls, status == JobStatus.Succeeded ? null : error, refunded, observedAt);
        }

        private static IReadOnlyList<string> ReadOutputUrls(JsonElement data)
        {
            var urls = new List<string>();
            if (data.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
            {
                // The pages document result.images[].url, even for video; accept videos[] too.
                foreach (string list in new[] { "images", "videos" })
                {
                    if (result.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in items.EnumerateArray())
                        {
                            string? url = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
                                ? u.GetString()
                                : item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                            if (!string.IsNullOrWhiteSpace(url) && !urls.Contains(url!))
                            {
                                urls.Add(url!);
                            }
                        }
                    }
                }
            }

            return urls;
        }

        private static bool ReadRefunded(JsonElement data)
        {
            if (data.TryGetProperty("refunded", out var r))
            {
                return r.ValueKind == JsonValueKind.True || (r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out int n) && n != 0);
            }

            return false;
        }

        private static string? ReadError(JsonElement data)
        {
            foreach (string name in new[] { "error", "fail_reason", "reason", "msg", "message" })
            {
                if (data.TryGetProperty(name, out var value))
                {
                    if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0)
                    {
                        return value.GetString();
                    }

                    if (value.ValueKind == JsonValueKind.Object)
                    {
                        string? inner = Message(value);
                        if (inner != null)
                        {
                            return inner;
                        }
                    }
                }
            }

            return null;
        }

        private static int? AsInt(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int n))
            {
                return n;
            }

            if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed))
            {
                return parsed;
            }

            return null;
        }

        private static decimal? AsDecimal(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal d))
            {
                return d;
            }

            if (value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal parsed))
            {
                return parsed;
            }

            return null;
        }
    }
}
