using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ShortApi.Catalog;
using ShortApi.Errors;
using ShortApi.PowerShell.Binding;
using ShortApi.PowerShell.Infrastructure;
using ShortApi.Transport;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>
    /// Sets the key (and optionally endpoint, query budget, extra catalog files and proxy) for every
    /// later ShortApi command in this process. Nothing is sent: the key is checked on first use.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ShortApi", DefaultParameterSetName = DefaultSet)]
    [OutputType(typeof(ShortApiConnection))]
    public sealed class ConnectShortApiCommand : ShortApiCmdlet
    {
        private const string DefaultSet = "Default";
        private const string ProxyCredentialSet = "ProxyCredential";
        private const string ProxyDefaultCredentialsSet = "ProxyDefaultCredentials";

        /// <summary>The key: a SecureString (Read-Host -AsSecureString, a vault's Get-Secret), or text, converted as it binds.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        /// <summary>The API endpoint (https, or http to this machine only).</summary>
        [Parameter]
        public string? Endpoint { get; set; }

        /// <summary>The most status queries per second this process sends while waiting: a ceiling never exceeded (default 400; the rate starts at 50, grows while the service is calm, halves at each 429 or 503).</summary>
        [Parameter]
        [ValidateRange(0.1, 1000)]
        public double? MaxQueriesPerSecond { get; set; }

        /// <summary>Catalog files adding or overriding models (same shape as the built-in catalog).</summary>
        [Parameter]
        public string[]? CatalogPath { get; set; }

        /// <summary>A proxy for every request of the session, this machine's included; without it the platform's proxy settings apply.</summary>
        [Parameter(ParameterSetName = DefaultSet)]
        [Parameter(ParameterSetName = ProxyCredentialSet, Mandatory = true)]
        [Parameter(ParameterSetName = ProxyDefaultCredentialsSet, Mandatory = true)]
        public Uri? Proxy { get; set; }

        /// <summary>The user name and password the proxy asks for.</summary>
        [Parameter(ParameterSetName = ProxyCredentialSet, Mandatory = true)]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Sign in to the proxy as the current user (Windows integrated authentication).</summary>
        [Parameter(ParameterSetName = ProxyDefaultCredentialsSet, Mandatory = true)]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>Emit the connection.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void End()
        {
            string? endpoint = Endpoint == null ? null : EndpointPolicy.Validate(Endpoint).AbsoluteUri;
            var files = CatalogPath?.Select(ResolvePath).ToList();
            if (files != null)
            {
                ModelCatalog.Load(files); // refuse a broken catalog now, not at the first job
            }

            var proxy = ChosenProxy();
            if (proxy != null)
            {
                // Refuse now, rather than at the first command, a proxy that would carry the key in clear.
                EndpointPolicy.CheckProxy(EndpointPolicy.Validate(endpoint ?? Environment.GetEnvironmentVariable(ModuleSession.EndpointVariable)), proxy);
            }

            ModuleSession.Connect(ShortApi.Transport.ApiKey.FromSecureString(ApiKey!), endpoint, MaxQueriesPerSecond, files, proxy);
            WriteVerbose($"Connected to {endpoint ?? ConnectionResolver.ResolveEndpoint(null)}{(proxy == null ? string.Empty : " through the proxy " + proxy)}.");
            if (PassThru)
            {
                WriteObject(new ShortApiConnection(ConnectionResolver.ResolveEndpoint(null), MaxQueriesPerSecond, ModuleSession.CatalogFiles, proxy?.ToString()));
            }
        }

        private ProxySettings? ChosenProxy()
        {
            if (Proxy == null)
            {
                return null;
            }

            bool hasCredential = ProxyCredential != null && ProxyCredential != PSCredential.Empty;
            return new ProxySettings(Proxy, hasCredential ? ProxyCredential!.GetNetworkCredential() : null, ProxyUseDefaultCredentials.IsPresent);
        }
    }
}
