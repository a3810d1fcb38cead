using System;
using System.Net;

namespace ShortApi.Transport
{
    /// <summary>
    /// The platform's proxy settings (HTTPS_PROXY, HTTP_PROXY and NO_PROXY on .NET; the system
    /// proxy on .NET Framework), except that requests to this machine never use them. .NET applies
    /// HTTP_PROXY even to 127.0.0.1: the emulator's requests, key included and in clear, would go
    /// to a proxy elsewhere, which could not reach this machine's loopback anyway.
    /// </summary>
    internal sealed class PlatformProxy : IWebProxy
    {
        private readonly IWebProxy? _platform;

        public PlatformProxy(IWebProxy? platform)
        {
            _platform = platform;
        }

        /// <summary>The process's proxy settings: on .NET, HttpClient.DefaultProxy, read from the environment once per process.</summary>
        public static PlatformProxy Current => new PlatformProxy(WebRequest.DefaultWebProxy);

        /// <summary>The platform proxy's own credentials (on .NET, the user part of HTTPS_PROXY or HTTP_PROXY).</summary>
        public ICredentials? Credentials
        {
            get => _platform?.Credentials;
            set
            {
                if (_platform != null)
                {
                    _platform.Credentials = value;
                }
            }
        }

        public Uri? GetProxy(Uri destination) => _platform?.GetProxy(destination);

        public bool IsBypassed(Uri host) => EndpointPolicy.IsLoopback(host) || _platform == null || _platform.IsBypassed(host);

        /// <summary>The proxy a request to <paramref name="destination"/> goes through, or null when it goes direct.</summary>
        public Uri? AddressFor(Uri destination)
        {
            if (IsBypassed(destination))
            {
                return null;
            }

            var address = GetProxy(destination);
            return address == null || address == destination ? null : address;
        }
    }
}
