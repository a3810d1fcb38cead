using System;
using System.Diagnostics;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>Progress lines on the console, stamped with the time since the bench started.</summary>
    internal static class Log
    {
        private static readonly Stopwatch Clock = Stopwatch.StartNew();

        public static void Line(string message) => Console.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
    }
}
