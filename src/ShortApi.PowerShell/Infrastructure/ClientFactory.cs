using System;
using System.Security;
using ShortApi.Errors;
using ShortApi.Transport;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>Builds the client a cmdlet calls the API with, from its -ApiKey and -Endpoint and the session's settings (proxy included).</summary>
    internal static class ClientFactory
    {
        /// <summary>The client; throws MissingApiKey (with how to set one) or InsecureEndpoint (also for a proxy that would weaken it).</summary>
        public static ShortApiClient Create(SecureString? apiKey, string? endpoint, Action<ClientLogLevel, string> log)
        {
            var key = ConnectionResolver.ResolveKey(apiKey)
                ?? throw new ShortApiException(ShortApiErrorReason.MissingApiKey, "No ShortAPI key is set. " + ConnectionResolver.MissingKeyAdvice);
            var options = new ShortApiClientOptions
            {
                Endpoint = ConnectionResolver.ResolveEndpoint(endpoint),
                ApiKey = key,
                Proxy = ModuleSession.Proxy,
                Catalog = ModuleSession.Catalog,
                Log = log,
            };
            if (ModuleSession.MaxQueriesPerSecond.HasValue)
            {
                options.MaxQueriesPerSecond = ModuleSession.MaxQueriesPerSecond.Value;
            }

            return new ShortApiClient(options);
        }
    }
}
