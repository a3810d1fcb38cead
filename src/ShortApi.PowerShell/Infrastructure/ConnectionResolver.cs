using System;
using System.Security;
using ShortApi.Transport;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>
    /// Where the key and endpoint come from: the cmdlet's -ApiKey / -Endpoint, then
    /// Connect-ShortApi, then $env:SHORTAPI_KEY / $env:SHORTAPI_BASE_URL, then the public endpoint.
    /// </summary>
    internal static class ConnectionResolver
    {
        public const string MissingKeyAdvice =
            "Give a key with -ApiKey, connect once with Connect-ShortApi, or set $env:SHORTAPI_KEY. To try the module without a key, run Start-ShortApiEmulator first.";

        /// <summary>The key to use, or null when none is set anywhere.</summary>
        public static ApiKey? ResolveKey(SecureString? explicitKey)
        {
            if (explicitKey != null && explicitKey.Length > 0)
            {
                return ApiKey.FromSecureString(explicitKey);
            }

            var connected = ModuleSession.ConnectedKey;
            if (connected != null)
            {
                return connected;
            }

            string? fromEnvironment = Environment.GetEnvironmentVariable(ModuleSession.KeyVariable);
            return string.IsNullOrWhiteSpace(fromEnvironment) ? null : ApiKey.FromPlainText(fromEnvironment!);
        }

        public static string ResolveEndpoint(string? explicitEndpoint)
        {
            if (!string.IsNullOrWhiteSpace(explicitEndpoint))
            {
                return explicitEndpoint!;
            }

            string? connected = ModuleSession.ConnectedEndpoint;
            if (!string.IsNullOrWhiteSpace(connected))
            {
                return connected!;
            }

            string? fromEnvironment = Environment.GetEnvironmentVariable(ModuleSession.EndpointVariable);
            return string.IsNullOrWhiteSpace(fromEnvironment) ? EndpointPolicy.DefaultEndpoint : fromEnvironment!;
        }
    }
}
