using System;
using System.Net;

namespace ShortApi.Transport
{
    /// <summary>
    /// Sends every request to one proxy, loopback included. WebProxy would let requests to this
    /// machine go direct (always on .NET Framework, and with BypassProxyOnLocal elsewhere); a proxy
    /// chosen by the user takes everything, so the emulator's traffic can be sent through one too.
    /// </summary>
    internal sealed class FixedProxy : IWebProxy
    {
        private readonly Uri _address;

        public FixedProxy(ProxySettings settings)
        {
            _address = settings.Address;
            Credentials = settings.UseDefaultCredentials ? CredentialCache.DefaultCredentials : settings.Credentials;
        }

        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => _address;

        public bool IsBypassed(Uri host) => false;
    }
}
