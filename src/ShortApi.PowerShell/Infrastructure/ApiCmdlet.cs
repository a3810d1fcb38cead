using System.Management.Automation;
using System.Security;
using ShortApi.PowerShell.Binding;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>A cmdlet that calls the API: it takes -ApiKey and -Endpoint and builds its client from them and the session.</summary>
    public abstract class ApiCmdlet : ShortApiCmdlet
    {
        private ShortApiClient? _client;

        /// <summary>The API key (a SecureString, or text converted as it binds); else the one from Connect-ShortApi, else $env:SHORTAPI_KEY.</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        /// <summary>The API endpoint; else the one from Connect-ShortApi, else $env:SHORTAPI_BASE_URL, else https://api.shortapi.ai.</summary>
        [Parameter]
        public string? Endpoint { get; set; }

        /// <summary>The client for this invocation. A missing key or an insecure endpoint stops the command with advice.</summary>
        internal ShortApiClient Client => _client ??= ClientFactory.Create(ApiKey, Endpoint, LogSink);
    }
}
