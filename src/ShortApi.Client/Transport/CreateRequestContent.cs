using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Catalog;
using ShortApi.Images;

namespace ShortApi.Transport
{
    /// <summary>
    /// The body of a create request, written straight to the connection. The JSON around the images
    /// is built once (it is small); each local image is read in chunks and base64-encoded into the
    /// stream as it goes, so a 10 MB image costs a few 64 KB buffers, not several full copies.
    /// The length is known up front (base64 is 4 bytes per 3), so the request has a Content-Length.
    /// </summary>
    internal sealed class CreateRequestContent : HttpContent
    {
        // A multiple of 3, so each chunk encodes without padding except the last.
        private const int ChunkBytes = 3 * 16 * 1024;

        private readonly List<Segment> _segments;
        private readonly long _length;
        private readonly Action? _beforeLastBytes;

        /// <summary>A body for <paramref name="modelId"/>; <paramref name="beforeLastBytes"/> runs just before its last bytes are written, until when the server cannot have a complete request.</summary>
        public CreateRequestContent(string modelId, IReadOnlyList<KeyValuePair<string, object?>> arguments, string? callbackUrl, Action? beforeLastBytes = null)
        {
            _beforeLastBytes = beforeLastBytes;
            string token = "@@shortapi-image-" + Guid.NewGuid().ToString("N") + "-";
            var images = new List<ImageInput>();
            byte[] json = WriteJson(modelId, arguments, callbackUrl, token, images);
            _segments = Split(json, token, images);

            long length = 0;
            foreach (var segment in _segments)
            {
                length += segment.Length;
            }

            _length = length;
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        /// <summary>The body as text with each image shown as a note: what the debug log may print.</summary>
        public static string Preview(string modelId, IReadOnlyList<KeyValuePair<string, object?>> arguments, string? callbackUrl)
        {
            var images = new List<ImageInput>();
            string token = "@@img-";
            string json = Encoding.UTF8.GetString(WriteJson(modelId, arguments, callbackUrl, token, images));
            for (int i = 0; i < images.Count; i++)
            {
                json = json.Replace(token + i + "@@", "<base64 of " + images[i].Name + ">");
            }

            return json;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (int i = 0; i < _segments.Count; i++)
            {
                var segment = _segments[i];
                if (i == _segments.Count - 1)
                {
                    await stream.FlushAsync().ConfigureAwait(false);
                    _beforeLastBytes?.Invoke();
                }

                if (segment.Bytes != null)
                {
                    await stream.WriteAsync(segment.Bytes, 0, segment.Bytes.Length).ConfigureAwait(false);
                }
                else
                {
                    await WriteBase64Async(segment.Image!, segment.FileLength, stream).ConfigureAwait(false);
                }
            }
        }

        private static async Task WriteBase64Async(ImageInput image, long expectedLength, Stream output)
        {
            byte[] input = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            byte[] encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(ChunkBytes));
            try
            {
                using var file = new FileStream(image.FilePath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
                if (file.Length != expectedLength)
                {
                    throw new IOException($"The image '{image.Original}' changed size while it was being sent ({expectedLength} bytes when checked, {file.Length} now).");
                }

                long total = 0;
                while (true)
                {
                    int filled = 0;
                    while (filled < ChunkBytes)
                    {
                        int n = await file.ReadAsync(input, filled, ChunkBytes - filled).ConfigureAwait(false);
                        if (n == 0)
                        {
                            break;
                        }

                        filled += n;
                    }

                    if (filled == 0)
                    {
                        break;
                    }

                    total += filled;
                    Base64.EncodeToUtf8(new ReadOnlySpan<byte>(input, 0, filled), encoded, out _, out int written, isFinalBlock: true);
                    await output.WriteAsync(encoded, 0, written).ConfigureAwait(false);
                    if (filled < ChunkBytes)
                    {
                        break;
                    }
                }

                if (total != expectedLength)
                {
                    throw new IOException($"The image '{image.Original}' changed while it was being sent ({expectedLength} bytes expected, {total} read).");
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(input);
                ArrayPool<byte>.Shared.Return(encoded);
            }
        }

        private static byte[] WriteJson(string modelId, IReadOnlyList<KeyValuePair<string, object?>> arguments, string? callbackUrl, string token, List<ImageInput> images)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteString("model", modelId);
                writer.WritePropertyName("args");
                writer.WriteStartObject();
                foreach (var pair in arguments)
                {
                    writer.WritePropertyName(pair.Key);
                    WriteValue(writer, pair.Value, token, images);
                }

                writer.WriteEndObject();
                if (!string.IsNullOrEmpty(callbackUrl))
                {
                    writer.WriteString("callback_url", callbackUrl);
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static void WriteValue(Utf8JsonWriter writer, object? value, string token, List<ImageInput> images)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case long l:
                    writer.WriteNumberValue(l);
                    break;
                case int i:
                    writer.WriteNumberValue(i);
                    break;
                case double d:
                    writer.WriteNumberValue(d);
                    break;
                case decimal m:
                    writer.WriteNumberValue(m);
                    break;
                case float f:
                    writer.WriteNumberValue(f);
                    break;
                case ImageInput image when image.IsLocalFile:
                    writer.WriteStringValue(token + images.Count + "@@");
                    images.Add(image);
                    break;
                case ImageInput image:
                    writer.WriteStringValue(image.Original);
                    break;
                case IDictionary<string, object?> members:
                    writer.WriteStartObject();
                    foreach (var pair in members)
                    {
                        writer.WritePropertyName(pair.Key);
                        WriteValue(writer, pair.Value, token, images);
                    }

                    writer.WriteEndObject();
                    break;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        WriteValue(writer, item, token, images);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    if (WireValue.IsNumber(value))
                    {
                        writer.WriteNumberValue(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        /// <summary>Cuts the JSON at each image placeholder (inside its quotes) into text and file segments.</summary>
        private static List<Segment> Split(byte[] json, string token, List<ImageInput> images)
        {
            var segments = new List<Segment>();
            int start = 0;
            for (int i = 0; i < images.Count; i++)
            {
                byte[] placeholder = Encoding.UTF8.GetBytes(token + i + "@@");
                int at = IndexOf(json, placeholder, start);
                if (at < 0)
                {
                    throw new InvalidOperationException("An image placeholder went missing while the request was built.");
                }

                segments.Add(Segment.Text(json, start, at - start));
                long fileLength = new FileInfo(images[i].FilePath!).Length;
                segments.Add(Segment.File(images[i], fileLength));
                start = at + placeholder.Length;
            }

            segments.Add(Segment.Text(json, start, json.Length - start));
            return segments;
        }

        private static int IndexOf(byte[] haystack, byte[] needle, int start)
        {
            for (int i = start; i <= haystack.Length - needle.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j])
                {
                    j++;
                }

                if (j == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private sealed class Segment
        {
            public byte[]? Bytes { get; private set; }

            public ImageInput? Image { get; private set; }

            public long FileLength { get; private set; }

            public long Length => Bytes != null ? Bytes.Length : (FileLength + 2) / 3 * 4;

            public static Segment Text(byte[] source, int offset, int count)
            {
                var bytes = new byte[count];
                Buffer.BlockCopy(source, offset, bytes, 0, count);
                return new Segment { Bytes = bytes };
            }

            public static Segment File(ImageInput image, long length) => new Segment { Image = image, FileLength = length };
        }
    }
}
