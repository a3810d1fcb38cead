using System;
using System.Management.Automation;
using System.Security;
using ShortApi.Errors;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>A cmdlet that calls the API: it takes -ApiKey and -Endpoint and builds its client from them and the session.</summary>
    public abstract class ApiCmdlet : ShortApiCmdlet
    {
        private ShortApiClient? _client;

        /// <summary>The API key; else the one from Connect-ShortApi, else $env:SHORTAPI_KEY.</summary>
        [Parameter]
        public SecureString? ApiKey { get; set; }

        /// <summary>The API endpoint; else the one from Connect-ShortApi, else $env:SHORTAPI_BASE_URL, else https://api.shortapi.ai.</summary>
        [Parameter]
        public string? Endpoint { get; set; }

        /// <summary>The client for this invocation. A missing key or an insecure endpoint stops the command with advice.</summary>
        internal ShortApiClient Client => _client ??= CreateClient();

        private ShortApiClient CreateClient()
        {
            var key = ConnectionResolver.ResolveKey(ApiKey);
            if (key == null)
            {
                ThrowFailure(new ShortApiException(ShortApiErrorReason.MissingApiKey, "No ShortAPI key is set. " + ConnectionResolver.MissingKeyAdvice));
            }

            string endpoint = ConnectionResolver.ResolveEndpoint(Endpoint);
            try
            {
                var options = new ShortApiClientOptions
                {
                    Endpoint = endpoint,
                    ApiKey = key,
                    Catalog = ModuleSession.Catalog,
                    Log = LogSink,
                };
                if (ModuleSession.MaxQueriesPerSecond.HasValue)
                {
                    options.MaxQueriesPerSecond = ModuleSession.MaxQueriesPerSecond.Value;
                }

                return new ShortApiClient(options);
            }
            catch (ShortApiException ex)
            {
                ThrowFailure(ex, endpoint);
                throw; // not reached: ThrowFailure throws
            }
        }
    }
}
