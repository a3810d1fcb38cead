using System;
using System.Buffers.Text;

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

            return StartsLikePngJpegOrWebp(head, written) ? null : "is base64 of something that is not a PNG, JPEG or WEBP image";
        }

        /// <summary>
        /// The magic bytes of the formats happyhorse's page lists (the other pages name none). Read
        /// here rather than with the client's image reader, so a slip there cannot pass unseen.
        /// </summary>
        private static bool StartsLikePngJpegOrWebp(byte[] b, int count) =>
            (count >= 8 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) ||
            (count >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) ||
            (count >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P');
    }
}
