using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;

namespace ShortApi.Transport
{
    /// <summary>
    /// The process's HTTP clients, shared by every client object, thread and runspace so they draw
    /// on one connection pool. API calls never follow redirects (the key must not travel to a host
    /// the server names); downloads do, and never carry the key. A proxy is fixed when a client is
    /// made, so there is one pair of clients per proxy setting: the platform's, and each one chosen
    /// (Connect-ShortApi -Proxy). They live for the process, like the single pair did; a session
    /// changes proxies a handful of times at most.
    /// </summary>
    internal static class HttpClientPool
    {
        private const int ConnectionsPerServer = 256;

        private static readonly ConcurrentDictionary<string, Lazy<HttpClient>> Clients = new ConcurrentDictionary<string, Lazy<HttpClient>>(StringComparer.Ordinal);

        /// <summary>The client for API calls through <paramref name="proxy"/>, or through the platform's proxy settings when null.</summary>
        public static HttpClient Api(ProxySettings? proxy) => Get(proxy, allowRedirects: false);

        /// <summary>The client for downloads through <paramref name="proxy"/>, or through the platform's proxy settings when null.</summary>
        public static HttpClient Downloads(ProxySettings? proxy) => Get(proxy, allowRedirects: true);

        private static HttpClient Get(ProxySettings? proxy, bool allowRedirects)
        {
            string key = (allowRedirects ? "downloads|" : "api|") + (proxy?.Identity ?? "platform");
            return Clients.GetOrAdd(key, _ => new Lazy<HttpClient>(() => Create(proxy, allowRedirects))).Value;
        }

        private static HttpClient Create(ProxySettings? proxy, bool allowRedirects)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = allowRedirects,
                UseCookies = false,
                AutomaticDecompression = allowRedirects ? DecompressionMethods.None : DecompressionMethods.GZip | DecompressionMethods.Deflate,
                UseProxy = true,
                Proxy = ProxyFor(proxy),
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

        /// <summary>
        /// The chosen proxy; else the platform's, kept off loopback. .NET Framework's system proxy
        /// already leaves loopback alone, so there the handler keeps its own default (null).
        /// </summary>
        private static IWebProxy? ProxyFor(ProxySettings? proxy)
        {
            if (proxy != null)
            {
                return new FixedProxy(proxy);
            }

            return RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal) ? null : PlatformProxy.Current;
        }
    }
}
