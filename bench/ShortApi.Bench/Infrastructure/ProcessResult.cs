using System;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>How a child process ended, what it wrote, and how long it ran.</summary>
    internal sealed record ProcessResult(int ExitCode, string Output, string Error, TimeSpan Wall);
}
