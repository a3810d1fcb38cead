using System;
using System.IO;
using System.Threading;
using ShortApi.Errors;

namespace ShortApi.Images
{
    /// <summary>
    /// An image a job starts from: an http(s) URL, passed through as is, or a local file, sent as
    /// raw base64 (no <c>data:</c> prefix). A local file's header is read once, on first use, and
    /// its content only while the request is being written, so a large image is never held whole.
    /// </summary>
    public sealed class ImageInput
    {
        private readonly Lazy<ImageInfo> _info;

        private ImageInput(string original, Uri? url, string? path)
        {
            Original = original;
            Url = url;
            FilePath = path;
            _info = new Lazy<ImageInfo>(ReadInfo, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The image exactly as the user gave it (path or URL); what the job's Source shows.</summary>
        public string Original { get; }

        /// <summary>The URL, for an image given as one.</summary>
        public Uri? Url { get; }

        /// <summary>The full path, for a local file.</summary>
        public string? FilePath { get; }

        public bool IsLocalFile => FilePath != null;

        /// <summary>The file name (or the URL's last segment): what output file names are built from.</summary>
        public string Name
        {
            get
            {
                if (FilePath != null)
                {
                    return Path.GetFileName(FilePath);
                }

                string last = Url!.Segments.Length > 0 ? Uri.UnescapeDataString(Url.Segments[Url.Segments.Length - 1]).Trim('/') : string.Empty;
                return last.Length > 0 ? last : Url.Host;
            }
        }

        public static ImageInput FromUrl(string url)
        {
            if (!TryParseUrl(url, out var uri))
            {
                throw new ShortApiException(ShortApiErrorReason.InvalidArgument, $"'{url}' is not an http or https URL.") { Target = url };
            }

            return new ImageInput(url, uri, null);
        }

        /// <summary>A local file, by its full path; <paramref name="original"/> is how the user wrote it.</summary>
        public static ImageInput FromFile(string fullPath, string? original = null)
        {
            if (string.IsNullOrEmpty(fullPath) || !Path.IsPathRooted(fullPath))
            {
                throw new ArgumentException("A local image needs a full path; resolve relative paths first.", nameof(fullPath));
            }

            return new ImageInput(original ?? fullPath, null, Path.GetFullPath(fullPath));
        }

        /// <summary>An http(s) URL as a URL; anything else as a file path, relative paths against <paramref name="baseDirectory"/>.</summary>
        public static ImageInput Parse(string value, string? baseDirectory = null)
        {
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            if (TryParseUrl(value, out var uri))
            {
                return new ImageInput(value, uri, null);
            }

            string full = Path.IsPathRooted(value) ? value : Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), value);
            return FromFile(full, value);
        }

        public static bool TryParseUrl(string value, out Uri uri)
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var parsed) &&
                (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
            {
                uri = parsed;
                return true;
            }

            uri = null!;
            return false;
        }

        /// <summary>The file's format, pixel size and length; throws ShortApiException(ImageNotFound) when it is missing.</summary>
        public ImageInfo Inspect()
        {
            if (FilePath == null)
            {
                throw new InvalidOperationException("Only a local image can be inspected; a URL is checked by the service.");
            }

            return _info.Value;
        }

        private ImageInfo ReadInfo()
        {
            try
            {
                return ImageHeaderReader.Read(FilePath!);
            }
            catch (FileNotFoundException ex)
            {
                throw NotFound(ex);
            }
            catch (DirectoryNotFoundException ex)
            {
                throw NotFound(ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ShortApiException(ShortApiErrorReason.ImageRejected, $"The image '{Original}' cannot be read: {ex.Message}", ex) { Target = Original };
            }
            catch (IOException ex)
            {
                throw new ShortApiException(ShortApiErrorReason.ImageRejected, $"The image '{Original}' cannot be read: {ex.Message}", ex) { Target = Original };
            }
        }

        private ShortApiException NotFound(Exception inner) =>
            new ShortApiException(ShortApiErrorReason.ImageNotFound, $"The image '{Original}' does not exist (looked for {FilePath}).", inner) { Target = Original };

        public override string ToString() => Original;
    }
}
