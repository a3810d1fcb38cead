using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>What a journal says about each input, read from its JSON lines the way a person would read the file.</summary>
    public sealed class JournalSummary
    {
        public JournalSummary(IReadOnlyList<JsonElement> records)
        {
            string? Text(JsonElement record, string name) =>
                record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var record in records)
            {
                string? key = Text(record, "inputKey");
                string? source = Text(record, "source");
                if (key != null && source != null)
                {
                    sources[key] = source;
                }
            }

            var created = records.Where(r => Text(r, "type") == "created").ToList();
            CreatedPerInput = created.GroupBy(r => Text(r, "inputKey")!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            CreatedSources = created.Select(r => Text(r, "source")!).ToHashSet(StringComparer.Ordinal);
            var claimed = records.Where(r => Text(r, "type") == "submitting").Select(r => Text(r, "inputKey")!).ToHashSet(StringComparer.Ordinal);
            ClaimedNotCreatedSources = claimed.Where(k => !CreatedPerInput.ContainsKey(k)).Select(k => sources[k]).ToHashSet(StringComparer.Ordinal);
        }

        /// <summary>How many "created" records each input has.</summary>
        public IReadOnlyDictionary<string, int> CreatedPerInput { get; }

        /// <summary>Sources of inputs with a created job.</summary>
        public IReadOnlySet<string> CreatedSources { get; }

        /// <summary>Sources of inputs claimed for a create that never recorded a job: their outcome is unknown.</summary>
        public IReadOnlySet<string> ClaimedNotCreatedSources { get; }
    }
}
