using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.TestSupport
{
    /// <summary>The few pieces of HTTP/1.1 framing the test proxy needs: lines, and request bodies of either framing.</summary>
    internal static class HttpWire
    {
        private const int MaxLineBytes = 16 * 1024;

        /// <summary>
        /// One CRLF-ended line without its end, or null at the end of the stream. Read a byte at a
        /// time so that nothing past the line is taken from the stream.
        /// </summary>
        public static async Task<string?> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            byte[] one = new byte[1];
            while (line.Length < MaxLineBytes)
            {
                if (await stream.ReadAsync(one.AsMemory(0, 1), cancellationToken).ConfigureAwait(false) == 0)
                {
                    return null;
                }

                if (one[0] == (byte)'\n')
                {
                    var bytes = line.ToArray();
                    int length = bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes.Length - 1 : bytes.Length;
                    return Encoding.Latin1.GetString(bytes, 0, length);
                }

                line.WriteByte(one[0]);
            }

            throw new IOException("A header line is longer than any this proxy accepts.");
        }

        public static Task WriteAsync(Stream stream, string text, CancellationToken cancellationToken) =>
            stream.WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken).AsTask();

        /// <summary>Copies the request body that follows <paramref name="head"/> to <paramref name="output"/> (Stream.Null to drop it), framing kept.</summary>
        public static async Task CopyBodyAsync(RequestHead head, Stream input, Stream output, CancellationToken cancellationToken)
        {
            if (!head.IsChunked)
            {
                await CopyExactlyAsync(input, output, head.ContentLength, cancellationToken).ConfigureAwait(false);
                return;
            }

            while (true)
            {
                string size = await ReadLineAsync(input, cancellationToken).ConfigureAwait(false) ?? throw new EndOfStreamException("The body ended inside a chunk header.");
                await WriteAsync(output, size + "\r\n", cancellationToken).ConfigureAwait(false);
                long length = Convert.ToInt64(size.Split(';')[0].Trim(), 16);
                if (length == 0)
                {
                    // Trailers, if any, then the empty line that ends the body.
                    string? trailer;
                    do
                    {
                        trailer = await ReadLineAsync(input, cancellationToken).ConfigureAwait(false) ?? throw new EndOfStreamException("The body ended inside its trailers.");
                        await WriteAsync(output, trailer + "\r\n", cancellationToken).ConfigureAwait(false);
                    }
                    while (trailer.Length > 0);
                    return;
                }

                await CopyExactlyAsync(input, output, length + 2, cancellationToken).ConfigureAwait(false); // the chunk and its CRLF
            }
        }

        private static async Task CopyExactlyAsync(Stream input, Stream output, long count, CancellationToken cancellationToken)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                while (count > 0)
                {
                    int n = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw new EndOfStreamException("The body ended before its announced length.");
                    }

                    await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                    count -= n;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
