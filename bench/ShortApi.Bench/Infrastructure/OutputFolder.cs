using System;
using System.Linq;
using ShortApi.TestSupport;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>Where a run's videos are saved; counted afterwards, deleted on dispose.</summary>
    internal sealed class OutputFolder : IDisposable
    {
        private readonly TempDirectory _directory = new TempDirectory();

        public string Path => _directory.Path;

        /// <summary>Finished videos on disk (a leftover .partial file does not count).</summary>
        public int CountVideos() => System.IO.Directory.EnumerateFiles(Path, "*.mp4").Count(f => !f.EndsWith(".partial", StringComparison.Ordinal));

        public void Dispose() => _directory.Dispose();
    }
}
