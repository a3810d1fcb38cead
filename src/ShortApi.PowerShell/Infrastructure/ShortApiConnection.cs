using System.Collections.Generic;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>What Connect-ShortApi -PassThru shows: where the session points. Never the key.</summary>
    public sealed class ShortApiConnection
    {
        internal ShortApiConnection(string endpoint, double? maxQueriesPerSecond, IReadOnlyList<string> catalogFiles, string? proxy)
        {
            Endpoint = endpoint;
            MaxQueriesPerSecond = maxQueriesPerSecond;
            CatalogFiles = catalogFiles;
            Proxy = proxy;
        }

        public string Endpoint { get; }

        public double? MaxQueriesPerSecond { get; }

        public IReadOnlyList<string> CatalogFiles { get; }

        /// <summary>The proxy chosen with -Proxy (its address only, never credentials); empty when the platform's settings apply.</summary>
        public string? Proxy { get; }
    }
}
