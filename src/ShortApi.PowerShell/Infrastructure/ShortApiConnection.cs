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

        public double? MaxQueriesPerSecond { get; }

        public IReadOnlyList<string> CatalogFiles { get; }
    }
}
