using System;
using System.Buffers.Text;
using ShortApi.Images;

namespace ShortApi.Emulator.Wire
{
    /// <summary>
    /// Checks an image argument the way the pages describe it: an http(s) URL, or raw base64 of a
    /// PNG, JPEG or WEBP with no data: prefix. Base64 is scanned in place, never decoded whole.
    /// </summary>
    internal static class ImageValueChecker
    {
        /// <summary>Null when acceptable, else what is wrong.</summary>
        public static string? Check(object? value, bool urlOnly)
        {
            if (value is string text)
            {
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https"))
                {
                    return null;
                }

                if (urlOnly)
                {
                    return "must be an http(s) URL";
                }

                if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    return "must not have a data: prefix";
                }

                var bytes = System.Text.Encoding.ASCII.GetBytes(text);
                return CheckBase64(bytes);
            }

            if (value is LargeString large)
            {
                if (urlOnly)
                {
                    return "must be an http(s) URL";
                }

                if (large.StartsWith("data:"))
                {
                    return "must not have a data: prefix";
                }

                return CheckBase64(large.Span);
            }

            return "must be a string";
        }

        private static string? CheckBase64(ReadOnlySpan<byte> text)
        {
            if (text.Length == 0 || text.Length % 4 != 0)
            {
                return "is neither a URL nor base64 (length is not a multiple of 4)";
            }

            for (int i = 0; i < text.Length; i++)
            {
                byte c = text[i];
                bool valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' ||
                             (c == '=' && i >= text.Length - 2);
                if (!valid)
                {
                    return $"is neither a URL nor base64 (character {i} is not base64)";
                }
            }

            var head = new byte[36];
            var status = Base64.DecodeFromUtf8(text.Slice(0, Math.Min(48, text.Length)), head, out _, out int written, isFinalBlock: text.Length <= 48);
            if (status != System.Buffers.OperationStatus.Done && status != System.Buffers.OperationStatus.NeedMoreData)
            {
                return "is not valid base64";
            }

            var format = ImageHeaderReader.Detect(head, written);
            return format == ImageFormat.Png || format == ImageFormat.Jpeg || format == ImageFormat.Webp
                ? null
                : "is base64 of something that is not a PNG, JPEG or WEBP image";
        }
    }
}
