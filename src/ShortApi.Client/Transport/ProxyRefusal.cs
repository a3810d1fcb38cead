using System;
using System.Net;
using System.Net.Http;
using System.Reflection;
using ShortApi.Errors;

namespace ShortApi.Transport
{
    /// <summary>
    /// A proxy's 407 (Proxy Authentication Required) as one clear failure naming the proxy; the
    /// failure policy stops on it, since every request through that proxy would be refused alike.
    /// The 407 comes back as the answer to a plain http request, and as the failure of the tunnel
    /// (CONNECT) that carries an https one.
    /// </summary>
    internal static class ProxyRefusal
    {
        public const int Status = 407;

        /// <summary>HttpRequestException.StatusCode exists from .NET 5 on; netstandard2.0 cannot name it.</summary>
        private static readonly PropertyInfo? StatusCodeProperty = typeof(HttpRequestException).GetProperty("StatusCode");

        /// <summary>True when <paramref name="failure"/> is a proxy's refusal of a tunnel for want of credentials.</summary>
        public static bool IsRefusal(HttpRequestException failure) =>
            StatusCodeProperty?.GetValue(failure) is HttpStatusCode code && (int)code == Status;

        /// <summary>The failure of <paramref name="what"/> (to <paramref name="destination"/>), refused by the proxy in use.</summary>
        public static ApiErrorException Create(Uri destination, ProxySettings? proxy, string what, Exception? inner = null)
        {
            var address = proxy?.Address ?? PlatformProxy.Current.AddressFor(destination);
            string name = address == null ? "on the way" : ProxySettings.Shown(address);
            return new ApiErrorException(
                ShortApiErrorReason.ProxyAuthenticationFailed,
                $"The proxy {name} refused {what} with HTTP 407 (Proxy Authentication Required): it wants credentials that were not given, or not accepted.",
                Status,
                null,
                null,
                inner);
        }
    }
}
