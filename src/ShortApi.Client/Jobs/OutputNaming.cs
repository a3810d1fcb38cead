using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Output file names, made from the job's source and id only: "beach-j_123.mp4". Nothing of the
    /// path comes from the server; the extension is taken from the URL only when it is a known
    /// media type, else .mp4.
    /// </summary>
    public static class OutputNaming
    {
        private static readonly HashSet<string> KnownExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ".mp4", ".mov", ".webm", ".mkv", ".m4v", ".gif", ".png", ".jpg", ".jpeg", ".webp",
        };

        /// <summary>The file name for output <paramref name="index"/> of <paramref name="count"/>.</summary>
        public static string FileName(VideoJob job, string url, int index, int count)
        {
            string stem = SourceNames.Stem(job.Source);
            string id = SourceNames.Sanitize(job.JobId, 64);
            if (id.Length == 0)
            {
                id = "job";
            }

            string name = stem.Length > 0 ? stem + "-" + id : id;
            if (count > 1)
            {
                name += "-" + (index + 1).ToString(CultureInfo.InvariantCulture);
            }

            return name + Extension(url);
        }

        private static string Extension(string url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                string ext = Path.GetExtension(uri.AbsolutePath);
                if (KnownExtensions.Contains(ext))
                {
                    return ext.ToLowerInvariant();
                }
            }

            return ".mp4";
        }
    }
}
