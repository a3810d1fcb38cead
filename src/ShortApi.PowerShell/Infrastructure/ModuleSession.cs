using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Emulator;
using ShortApi.Transport;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>
    /// What Connect-ShortApi and Start-ShortApiEmulator set, for the whole process: every runspace
    /// (ForEach-Object -Parallel, thread jobs) sees the same connection, as with other cloud modules.
    /// </summary>
    internal static class ModuleSession
    {
        public const string KeyVariable = "SHORTAPI_KEY";
        public const string EndpointVariable = "SHORTAPI_BASE_URL";
        public const string CatalogVariable = "SHORTAPI_CATALOG";

        private static readonly object Gate = new object();
        private static ApiKey? _key;
        private static string? _endpoint;
        private static double? _maxQueriesPerSecond;
        private static ProxySettings? _proxy;
        private static IReadOnlyList<string> _catalogFiles = Array.Empty<string>();
        private static ShortApiEmulator? _emulator;
        private static (string Key, ModelCatalog Catalog)? _catalog;

        public static ApiKey? ConnectedKey { get { lock (Gate) { return _key; } } }

        public static string? ConnectedEndpoint { get { lock (Gate) { return _endpoint; } } }

        public static double? MaxQueriesPerSecond { get { lock (Gate) { return _maxQueriesPerSecond; } } }

        /// <summary>The proxy Connect-ShortApi -Proxy chose; null for the platform's proxy settings.</summary>
        public static ProxySettings? Proxy { get { lock (Gate) { return _proxy; } } }

        public static IReadOnlyList<string> CatalogFiles { get { lock (Gate) { return _catalogFiles; } } }

        public static ShortApiEmulator? Emulator { get { lock (Gate) { return _emulator; } } }

        public static void Connect(ApiKey key, string? endpoint, double? maxQueriesPerSecond, IReadOnlyList<string>? catalogFiles, ProxySettings? proxy = null)
        {
            lock (Gate)
            {
                _key = key;
                _endpoint = endpoint;
                _maxQueriesPerSecond = maxQueriesPerSecond;
                _proxy = proxy;
                if (catalogFiles != null)
                {
                    _catalogFiles = catalogFiles;
                }
            }
        }

        public static void Disconnect()
        {
            lock (Gate)
            {
                _key = null;
                _endpoint = null;
                _maxQueriesPerSecond = null;
                _proxy = null;
                _catalogFiles = Array.Empty<string>();
            }
        }

        public static void SetEmulator(ShortApiEmulator? emulator)
        {
            lock (Gate)
            {
                _emulator = emulator;
            }
        }

        /// <summary>Stops the session's emulator, and forgets the connection to it.</summary>
        public static ShortApiEmulator? StopEmulator()
        {
            ShortApiEmulator? emulator;
            lock (Gate)
            {
                emulator = _emulator;
                _emulator = null;
                if (emulator != null && string.Equals(_endpoint, emulator.BaseAddress.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
                {
                    _key = null;
                    _endpoint = null;
                    _proxy = null;
                }
            }

            emulator?.Stop();
            return emulator;
        }

        /// <summary>The built-in catalog plus the connected catalog files and those in $env:SHORTAPI_CATALOG, loaded once per set of files.</summary>
        public static ModelCatalog Catalog
        {
            get
            {
                var files = CatalogFiles.Concat(EnvironmentCatalogFiles()).ToList();
                string key = string.Join("|", files);
                lock (Gate)
                {
                    if (_catalog == null || _catalog.Value.Key != key)
                    {
                        _catalog = (key, ModelCatalog.Load(files));
                    }

                    return _catalog.Value.Catalog;
                }
            }
        }

        private static IEnumerable<string> EnvironmentCatalogFiles()
        {
            string? value = Environment.GetEnvironmentVariable(CatalogVariable);
            return string.IsNullOrWhiteSpace(value)
                ? Array.Empty<string>()
                : value!.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim());
        }
    }
}
