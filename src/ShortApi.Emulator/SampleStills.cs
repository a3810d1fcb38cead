using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ShortApi.Emulator
{
    /// <summary>
    /// A few small stills built into the emulator, to try jobs with before using one's own images:
    /// the help examples use them, so they run in any folder, not only in a copy of the repository.
    /// </summary>
    public static class SampleStills
    {
        private const string Prefix = "SampleStills/";

        private static Assembly Assembly => typeof(SampleStills).Assembly;

        /// <summary>The stills' file names: forest.png, harbor.png, sunrise.png.</summary>
        public static IReadOnlyList<string> Names { get; } = Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n.Substring(Prefix.Length))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

        /// <summary>
        /// Writes every still into <paramref name="folder"/> (a full path; created when missing) and
        /// returns their full paths. A file of the same name already there is kept as it is, so a
        /// still of one's own is never overwritten.
        /// </summary>
        public static IReadOnlyList<string> WriteTo(string folder)
        {
            if (string.IsNullOrEmpty(folder))
            {
                throw new ArgumentException("A folder is needed.", nameof(folder));
            }

            Directory.CreateDirectory(folder);
            var paths = new List<string>();
            foreach (string name in Names)
            {
                string path = Path.Combine(folder, name);
                paths.Add(path);
                if (File.Exists(path))
                {
                    continue;
                }

                using var still = Assembly.GetManifestResourceStream(Prefix + name)!;
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                still.CopyTo(file);
            }

            return paths;
        }
    }
}
