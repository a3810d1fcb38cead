using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShortApi.TestSupport;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>Input stills written to a temporary folder, every one different, deleted on dispose.</summary>
    internal sealed class ImageSet : IDisposable
    {
        private readonly TempDirectory _directory;

        private ImageSet(TempDirectory directory, IReadOnlyList<string> paths)
        {
            _directory = directory;
            Paths = paths;
            TotalBytes = paths.Sum(p => new FileInfo(p).Length);
        }

        public IReadOnlyList<string> Paths { get; }

        public string Directory => _directory.Path;

        public long TotalBytes { get; }

        public double MeanBytes => Paths.Count == 0 ? 0 : (double)TotalBytes / Paths.Count;

        /// <summary>
        /// Small gradients (64 px wide); the seed shifts the colours and the height steps every 256,
        /// so no two are alike. Sets with different <paramref name="first"/> numbers do not overlap.
        /// </summary>
        public static ImageSet SmallPngs(int count, int first = 0) =>
            Write(count, i => TestImages.Png(64, 64 + (first + i) / 256, first + i));

        /// <summary>1000x1000 PNGs padded to about <paramref name="bytes"/>; each is padded a little less, so no two are alike.</summary>
        public static ImageSet LargePngs(int count, int bytes) =>
            Write(count, i => TestImages.PngOfSize(1000, 1000, bytes - i * 16));

        public void Dispose() => _directory.Dispose();

        private static ImageSet Write(int count, Func<int, byte[]> make)
        {
            var directory = new TempDirectory();
            var paths = new List<string>(count);
            for (int i = 0; i < count; i++)
            {
                paths.Add(TestImages.WriteFile(directory.Path, $"still-{i:D4}.png", make(i)));
            }

            return new ImageSet(directory, paths);
        }
    }
}
