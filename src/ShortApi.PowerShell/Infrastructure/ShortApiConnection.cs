using System.Collections.Generic;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>What Connect-ShortApi -PassThru shows: where the session points. Never the key.</summary>
    public sealed class ShortApiConnection
    {
        internal ShortApiConnection(string endpoint, double? maxQueriesPerSecond, IReadOnlyList<string> catalogFiles)
        {
            Endpoint = endpoint;
            MaxQueriesPerSecond = maxQueriesPerSecond;
            CatalogFiles = catalogFiles;
        }

        public string Endpoint { get; }

        /// <summary>Always true: a connection has a key, which is never shown.</summary>
        public bool KeySet => true;

        public double? MaxQueriesPerSecond { get; }

        public IReadOnlyList<string> CatalogFiles { get; }
    }
}
