using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>A fresh folder for one test, deleted afterwards; stills are copied in from samples/.</summary>
    public sealed class TestFolder : IDisposable
    {
        public static readonly IReadOnlyList<string> SampleStills = new[] { "forest.png", "harbor.png", "sunrise.png" };

        public TestFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "shortapi-hosting-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        /// <summary>A path inside the folder (not created).</summary>
        public string this[string relative] => System.IO.Path.Combine(Path, relative);

        /// <summary>
        /// Copies the sample stills into a subfolder and returns it. With <paramref name="copies"/>,
        /// each sample is copied that many times (forest-1.png, forest-2.png, ...), all distinct inputs.
        /// </summary>
        public string Stills(string name = "stills", int copies = 0)
        {
            string folder = this[name];
            Directory.CreateDirectory(folder);
            foreach (string still in SampleStills)
            {
                string source = System.IO.Path.Combine(ModuleFolder.Samples, still);
                if (copies <= 0)
                {
                    File.Copy(source, System.IO.Path.Combine(folder, still));
                    continue;
                }

                string stem = System.IO.Path.GetFileNameWithoutExtension(still);
                for (int i = 1; i <= copies; i++)
                {
                    File.Copy(source, System.IO.Path.Combine(folder, $"{stem}-{i}.png"));
                }
            }

            return folder;
        }

        /// <summary>Every file under <paramref name="folder"/>, hidden ones included.</summary>
        public static IReadOnlyList<FileInfo> FilesIn(string folder) =>
            Directory.Exists(folder)
                ? new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ToList()
                : Array.Empty<FileInfo>();

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A download still unwinding after a stop may hold a file for a moment; the temp folder is cleaned later.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
