using System;
using System.IO;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;

namespace ShortApi.Emulator.Handlers
{
    /// <summary>Writing answers in ShortAPI's envelope, and reading request bodies.</summary>
    internal static class Exchange
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static Task SendEnvelopeAsync(HttpListenerContext context, int httpStatus, int code, string message, Action<Utf8JsonWriter>? writeData, TimeSpan? retryAfter = null)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Options))
            {
                writer.WriteStartObject();
                writer.WriteNumber("code", code);
                writer.WriteString("msg", message);
                if (writeData != null)
                {
                    writer.WritePropertyName("data");
                    writeData(writer);
                }

                writer.WriteEndObject();
            }

            if (retryAfter.HasValue)
            {
                context.Response.Headers["Retry-After"] = Math.Max(0, (int)Math.Ceiling(retryAfter.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return SendAsync(context, httpStatus, "application/json; charset=utf-8", buffer.ToArray());
        }

        public static Task SendErrorAsync(HttpListenerContext context, int httpStatus, string message, TimeSpan? retryAfter = null) =>
            SendEnvelopeAsync(context, httpStatus, httpStatus, message, null, retryAfter);

        public static async Task SendAsync(HttpListenerContext context, int httpStatus, string contentType, byte[] body)
        {
            var response = context.Response;
            response.StatusCode = httpStatus;
            response.ContentType = contentType;
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
            response.Close();
        }

        public static Task SendGarbageAsync(HttpListenerContext context) =>
            SendAsync(context, 200, "application/json", Encoding.UTF8.GetBytes("<html>upstream hiccup</html>"));

        /// <summary>The whole body in one buffer (its Content-Length when given), and its length.</summary>
        public static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpListenerRequest request)
        {
            long announced = request.ContentLength64;
            var buffer = new byte[announced > 0 ? announced : 64 * 1024];
            int total = 0;
            var stream = request.InputStream;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (announced > 0)
                    {
                        break;
                    }

                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                int n = await stream.ReadAsync(buffer, total, buffer.Length - total).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return (buffer, total);
        }
    }
}
