using System;
using ShortApi.Catalog;
using ShortApi.Timing;
using ShortApi.Transport;

namespace ShortApi
{
    /// <summary>Everything a <see cref="ShortApiClient"/> is configured with. The defaults suit the real API.</summary>
    public sealed class ShortApiClientOptions
    {
        /// <summary>The API's base URL; https, or plain http to loopback only. Default https://api.shortapi.ai.</summary>
        public string Endpoint { get; set; } = EndpointPolicy.DefaultEndpoint;

        /// <summary>The key; calls that need it fail with MissingApiKey when it is null.</summary>
        public ApiKey? ApiKey { get; set; }

        /// <summary>
        /// The proxy every request goes through, this machine's included. Null (the default) for the
        /// platform's proxy settings: HTTPS_PROXY, HTTP_PROXY and NO_PROXY on .NET, the system proxy on
        /// .NET Framework; those never carry requests to this machine.
        /// </summary>
        public ProxySettings? Proxy { get; set; }

        /// <summary>How long one create may take, upload included.</summary>
        public TimeSpan CreateTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>How long one query may take.</summary>
        public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long one output download may take.</summary>
        public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>A download that receives less than a kilobyte in this long has stalled, and fails.</summary>
        public TimeSpan DownloadStallTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The largest output accepted; a bigger one fails before it can fill the disk. Default 4 GiB.</summary>
        public long MaxOutputBytes { get; set; } = 4L * 1024 * 1024 * 1024;

        public RetryPolicy Retry { get; set; } = new RetryPolicy();

        /// <summary>
        /// The ceiling on status queries per second, across every job this process waits for on the
        /// endpoint; null (the default) for <see cref="Jobs.RequestBudget.DefaultCeiling"/>. The rate
        /// starts at <see cref="Jobs.RequestBudget.StartRate"/> (or the ceiling, when lower), grows
        /// while the service answers calmly, halves at each 429 or 503, and never exceeds the ceiling.
        /// </summary>
        public double? MaxQueriesPerSecond { get; set; }

        public IClock Clock { get; set; } = SystemClock.Instance;

        /// <summary>Seeds the retry jitter; null for a random seed.</summary>
        public int? RandomSeed { get; set; }

        public ModelCatalog Catalog { get; set; } = ModelCatalog.BuiltIn;

        /// <summary>Receives log lines (never containing the key). Called from any thread.</summary>
        public Action<ClientLogLevel, string>? Log { get; set; }

        /// <summary>Identifies the client to the service.</summary>
        public string UserAgent { get; set; } = "ShortApi-PowerShell/" + typeof(ShortApiClientOptions).Assembly.GetName().Version;
    }
}
