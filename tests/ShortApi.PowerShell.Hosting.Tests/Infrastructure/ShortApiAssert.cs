using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>Assertions on what a user sees: error records, files on disk, journal lines.</summary>
    public static class ShortApiAssert
    {
        /// <summary>The record is ShortApi.&lt;reason&gt; (as $_.FullyQualifiedErrorId starts) in <paramref name="category"/>.</summary>
        public static ErrorRecord IsError(ErrorRecord? record, string reason, ErrorCategory category)
        {
            Assert.NotNull(record);
            Assert.StartsWith("ShortApi." + reason + ",", record!.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            return record;
        }

        /// <summary>The run wrote exactly one non-terminating error, ShortApi.&lt;reason&gt;, and was not stopped by it.</summary>
        public static ErrorRecord SingleError(RunResult result, string reason, ErrorCategory category)
        {
            Assert.Null(result.Failure);
            var record = Assert.Single(result.Errors);
            return IsError(record, reason, category);
        }

        /// <summary>The run ended with the terminating error ShortApi.&lt;reason&gt;.</summary>
        public static ErrorRecord Terminated(RunResult result, string reason, ErrorCategory category)
        {
            Assert.Empty(result.Errors);
            return IsError(result.Failure, reason, category);
        }

        /// <summary>No temporary download and no output shorter than <paramref name="length"/> is in the folder.</summary>
        public static void NothingHalfWritten(string folder, long length)
        {
            var leftovers = TestFolder.FilesIn(folder)
                .Where(f => f.Name.EndsWith(".partial", System.StringComparison.Ordinal) || f.Extension != ".mp4" || f.Length != length)
                .Select(f => $"{f.Name} ({f.Length} bytes)")
                .ToList();
            Assert.True(leftovers.Count == 0, "Half-written files: " + string.Join(", ", leftovers));
        }

        /// <summary>Every line of the journal is a JSON object; returns them.</summary>
        public static IReadOnlyList<JsonElement> JournalIsWhole(string path)
        {
            var records = new List<JsonElement>();
            foreach (string line in File.ReadAllLines(path).Where(l => l.Trim().Length > 0))
            {
                using var document = JsonDocument.Parse(line);
                Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
                records.Add(document.RootElement.Clone());
            }

            Assert.NotEmpty(records);
            return records;
        }
    }
}
