using System;
using System.IO;
using System.Linq;
using System.Text;

namespace ShortApi.Jobs
{
    /// <summary>Short, safe names derived from a job's source, for tables and output file names.</summary>
    public static class SourceNames
    {
        /// <summary>The file name of a path, or the last segment of a URL.</summary>
        public static string Leaf(string source)
        {
            if (string.IsNullOrEmpty(source))
            {
                return string.Empty;
            }

            if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                string last = uri.Segments.Length > 0 ? Uri.UnescapeDataString(uri.Segments[uri.Segments.Length - 1]).Trim('/') : string.Empty;
                return last.Length > 0 ? last : uri.Host;
            }

            // Either separator, whatever the platform: a journal written on Windows is read on Linux too.
            int cut = Math.Max(source.LastIndexOf('/'), source.LastIndexOf('\\'));
            return cut >= 0 ? source.Substring(cut + 1) : source;
        }

        /// <summary>
        /// A name safe on every file system: letters, digits, dot, dash and underscore kept, the
        /// rest turned into '_', no leading dots, at most <paramref name="maxLength"/> characters.
        /// </summary>
        public static string Sanitize(string text, int maxLength = 80)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                builder.Append((char.IsLetterOrDigit(c) && c < 128) || c == '-' || c == '_' || c == '.' ? c : '_');
            }

            string result = builder.ToString().TrimStart('.').Trim();
            while (result.Contains("__"))
            {
                result = result.Replace("__", "_");
            }

            if (result.Length > maxLength)
            {
                result = result.Substring(0, maxLength);
            }

            return result.Trim('_', '.');
        }

        /// <summary>The stem (name without extension) of the source, sanitised; empty when there is none.</summary>
        public static string Stem(string source)
        {
            string leaf = Leaf(source);
            string stem = Path.GetFileNameWithoutExtension(leaf.Replace(':', '_'));
            return Sanitize(stem.Length > 0 ? stem : leaf, 60);
        }
    }
}
