using System;
using System.IO;
using System.Linq;
using ShortApi;
using ShortApi.Journal;
using ShortApi.TestSupport;
using ShortApi.Transport;

// Usage: ShortApi.BatchRunner <endpoint> <key> <journal> <input folder> <output folder> <throttle>
// Runs the whole batch (submit what the journal lacks, wait, download) and prints progress lines.
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: ShortApi.BatchRunner <endpoint> <key> <journal> <input folder> <output folder> <throttle>");
    return 2;
}

var client = new ShortApiClient(new ShortApiClientOptions
{
    Endpoint = args[0],
    ApiKey = ApiKey.FromPlainText(args[1]),
    MaxQueriesPerSecond = 500,
});
var batch = new ResumableBatch(client, JobJournal.Open(args[2]), args[4], int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
var outcome = batch.Run(Directory.GetFiles(args[3], "*.png").OrderBy(p => p, StringComparer.Ordinal));
Console.WriteLine($"finished created={outcome.Created} journaled={outcome.AlreadyInJournal} unknown={outcome.Unknown.Count} files={outcome.Files.Count} failures={outcome.Failures.Count}");
return 0;
