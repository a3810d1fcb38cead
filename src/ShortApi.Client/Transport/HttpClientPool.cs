using System;
using System.Net;
using System.Net.Http;

namespace ShortApi.Transport
{
    /// <summary>
    /// The process's HTTP clients, shared by every client object, thread and runspace so they draw
    /// on one connection pool. API calls never follow redirects (the key must not travel to a host
    /// the server names); downloads do, and never carry the key.
    /// </summary>
    internal static class HttpClientPool
    {
        private const int ConnectionsPerServer = 256;

        private static readonly Lazy<HttpClient> ApiClient = new Lazy<HttpClient>(() => Create(allowRedirects: false));
        private static readonly Lazy<HttpClient> DownloadClient = new Lazy<HttpClient>(() => Create(allowRedirects: true));

        public static HttpClient Api => ApiClient.Value;

        public static HttpClient Downloads => DownloadClient.Value;

        private static HttpClient Create(bool allowRedirects)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = allowRedirects,
                UseCookies = false,
                AutomaticDecompression = allowRedirects ? DecompressionMethods.None : DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };

            try
            {
                handler.MaxConnectionsPerServer = ConnectionsPerServer;
            }
            catch (PlatformNotSupportedException)
            {
                // Older .NET Framework: ServicePointManager's limit applies; the module raises it at import.
            }

            // Each call carries its own timeout and cancellation; the client-wide one would cut long downloads.
            return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }
    }
}
