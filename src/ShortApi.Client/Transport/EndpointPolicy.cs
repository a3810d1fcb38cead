using System;
using System.Net;
using ShortApi.Errors;

namespace ShortApi.Transport
{
    /// <summary>
    /// Where the key may be sent: https anywhere, plain http only to this machine (the emulator).
    /// </summary>
    public static class EndpointPolicy
    {
        public const string DefaultEndpoint = "https://api.shortapi.ai";

        /// <summary>The endpoint as a base URI; refuses a plain http one that is not loopback.</summary>
        public static Uri Validate(string? endpoint)
        {
            string text = string.IsNullOrWhiteSpace(endpoint) ? DefaultEndpoint : endpoint!.Trim();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ShortApiException(ShortApiErrorReason.InvalidArgument, $"The endpoint '{text}' is not an http or https URL, such as {DefaultEndpoint}.") { Target = text };
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
            {
                throw new ShortApiException(
                    ShortApiErrorReason.InsecureEndpoint,
                    $"Refusing to send the API key over plain http to {uri.Host}. Use https; plain http is allowed only to this machine (127.0.0.1, ::1, localhost), such as the emulator.")
                { Target = text };
            }

            return uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
        }

        /// <summary>
        /// Refuses a proxy that would carry the key in clear across the network: a plain http
        /// endpoint (loopback, as <see cref="Validate"/> allows) through a proxy on another machine.
        /// Through a proxy on this machine (the tests' and the emulator's case) the key does travel
        /// in clear, but only over loopback, as it does to the endpoint itself. An https endpoint is
        /// tunnelled through any proxy, which never sees the key.
        /// </summary>
        public static void CheckProxy(Uri endpoint, ProxySettings? proxy)
        {
            if (proxy != null && endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(proxy.Address))
            {
                throw new ShortApiException(
                    ShortApiErrorReason.InsecureEndpoint,
                    $"Refusing to send the API key over plain http to {endpoint.Host} through the proxy {proxy}, which is not on this machine. Use an https endpoint, or a proxy on this machine (127.0.0.1, ::1, localhost).")
                { Target = proxy.ToString() };
            }
        }

        public static bool IsLoopback(Uri uri)
        {
            if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            string host = uri.Host.Trim('[', ']');
            return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
        }
    }
}
