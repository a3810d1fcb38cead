using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.TestSupport
{
    /// <summary>An HTTP request's first line and headers, as the test proxy reads them off the wire.</summary>
    internal sealed class RequestHead
    {
        private const int MaxLines = 200;

        private RequestHead(string method, string target, IReadOnlyList<(string Name, string Value)> headers)
        {
            Method = method;
            Target = target;
            Headers = headers;
        }

        public string Method { get; }

        /// <summary>The request target: an absolute URL for a proxied request, host:port for CONNECT.</summary>
        public string Target { get; }

        public IReadOnlyList<(string Name, string Value)> Headers { get; }

        /// <summary>The head, or null when the connection closed first or the head is not HTTP.</summary>
        public static async Task<RequestHead?> ReadAsync(Stream stream, CancellationToken cancellationToken)
        {
            string? first = await HttpWire.ReadLineAsync(stream, cancellationToken).ConfigureAwait(false);
            var parts = first?.Split(' ');
            if (parts == null || parts.Length != 3 || !parts[2].StartsWith("HTTP/", StringComparison.Ordinal))
            {
                return null;
            }

            var headers = new List<(string, string)>();
            for (int i = 0; i < MaxLines; i++)
            {
                string? line = await HttpWire.ReadLineAsync(stream, cancellationToken).ConfigureAwait(false);
                if (line == null)
                {
                    return null;
                }

                if (line.Length == 0)
                {
                    return new RequestHead(parts[0], parts[1], headers);
                }

                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers.Add((line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim()));
                }
            }

            return null;
        }

        /// <summary>The value of the first header named <paramref name="name"/>, or null.</summary>
        public string? Header(string name) =>
            Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

        public bool IsChunked => (Header("Transfer-Encoding") ?? string.Empty).Contains("chunked", StringComparison.OrdinalIgnoreCase);

        public long ContentLength => long.TryParse(Header("Content-Length"), out long length) ? length : 0;
    }
}
