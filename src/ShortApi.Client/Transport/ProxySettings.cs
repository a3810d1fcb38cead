using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ShortApi.Errors;

namespace ShortApi.Transport
{
    /// <summary>
    /// A proxy chosen for the client (Connect-ShortApi -Proxy): every request goes through it,
    /// loopback included. Without one, the platform's proxy settings apply.
    /// </summary>
    public sealed class ProxySettings
    {
        /// <summary>Salts the password's hash in <see cref="Identity"/>, so the hash says nothing outside this process.</summary>
        private static readonly byte[] Salt = Guid.NewGuid().ToByteArray();

        /// <summary>
        /// A proxy at <paramref name="address"/> (http or https), signing in with
        /// <paramref name="credentials"/> or, with <paramref name="useDefaultCredentials"/>, as the
        /// current user; at most one of the two.
        /// </summary>
        public ProxySettings(Uri address, NetworkCredential? credentials = null, bool useDefaultCredentials = false)
        {
            Address = Checked(address);
            if (credentials != null && useDefaultCredentials)
            {
                throw new ShortApiException(ShortApiErrorReason.InvalidArgument, $"Give the proxy {Shown(Address)} either credentials or the current user's, not both.") { Target = Shown(Address) };
            }

            Credentials = credentials;
            UseDefaultCredentials = useDefaultCredentials;
            Identity = string.Join("|", Address.AbsoluteUri, useDefaultCredentials ? "default" : string.Empty, credentials?.Domain, credentials?.UserName, PasswordHash(credentials));
        }

        public Uri Address { get; }

        public NetworkCredential? Credentials { get; }

        public bool UseDefaultCredentials { get; }

        /// <summary>
        /// Equal for equal settings, different when anything differs (the password too): what the
        /// connection pool keys its clients by, so a changed password gets a client of its own.
        /// </summary>
        internal string Identity { get; }

        /// <summary>The proxy as messages show it: scheme, host and port, never credentials.</summary>
        public override string ToString() => Shown(Address);

        /// <summary>A proxy address without any user name or password it carries.</summary>
        internal static string Shown(Uri address) => address.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

        private static Uri Checked(Uri address)
        {
            if (address == null)
            {
                throw new ArgumentNullException(nameof(address));
            }

            // Show the text as given (such as "proxy.corp:8080", which parses with "proxy.corp" as its scheme), unless it carries a password.
            string shown = address.IsAbsoluteUri && address.UserInfo.Length > 0 ? Shown(address) : address.OriginalString;
            if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                throw new ShortApiException(ShortApiErrorReason.InvalidArgument, $"The proxy '{shown}' is not an http or https URL, such as http://proxy.example.com:8080.") { Target = shown };
            }

            if (address.UserInfo.Length > 0)
            {
                throw new ShortApiException(ShortApiErrorReason.InvalidArgument, $"The proxy address {shown} carries a user name or password; give them as the proxy's credentials instead, so they are kept out of the address and everything that shows it.") { Target = shown };
            }

            return address;
        }

        private static string PasswordHash(NetworkCredential? credentials)
        {
            if (credentials == null)
            {
                return string.Empty;
            }

            using var sha = SHA256.Create();
            byte[] password = Encoding.UTF8.GetBytes(credentials.Password ?? string.Empty);
            byte[] salted = new byte[Salt.Length + password.Length];
            Buffer.BlockCopy(Salt, 0, salted, 0, Salt.Length);
            Buffer.BlockCopy(password, 0, salted, Salt.Length, password.Length);
            return Convert.ToBase64String(sha.ComputeHash(salted));
        }
    }
}
