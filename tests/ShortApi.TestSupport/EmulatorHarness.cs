using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using ShortApi.Emulator;
using ShortApi.Timing;
using ShortApi.Transport;

namespace ShortApi.TestSupport
{
    /// <summary>An emulator on loopback and a client pointed at it, with fast retries and every log line kept.</summary>
    public sealed class EmulatorHarness : IDisposable
    {
        public const string Key = "sk-test-7c1d2e9f0a5b4c3d";

        private readonly ConcurrentQueue<string> _log = new ConcurrentQueue<string>();

        public EmulatorHarness(Action<EmulatorOptions>? configureEmulator = null, Action<ShortApiClientOptions>? configureClient = null, IClock? clock = null)
        {
            var emulatorOptions = new EmulatorOptions { ApiKey = Key, JobDuration = TimeSpan.FromMilliseconds(300), RetryAfter = TimeSpan.FromSeconds(1) };
            if (clock != null)
            {
                emulatorOptions.Clock = clock;
            }

            configureEmulator?.Invoke(emulatorOptions);
            Emulator = ShortApiEmulator.Start(emulatorOptions);

            Options = new ShortApiClientOptions
            {
                Endpoint = Emulator.BaseAddress.AbsoluteUri,
                ApiKey = ApiKey.FromPlainText(Key),
                RandomSeed = 42,
                Retry = new RetryPolicy { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
                CreateTimeout = TimeSpan.FromSeconds(20),
                QueryTimeout = TimeSpan.FromSeconds(10),
                MaxQueriesPerSecond = 1000,
                Log = (level, line) => _log.Enqueue($"{level}: {line}"),
            };
            if (clock != null)
            {
                Options.Clock = clock;
            }

            configureClient?.Invoke(Options);
            Client = new ShortApiClient(Options);
        }

        public ShortApiEmulator Emulator { get; }

        public ShortApiClientOptions Options { get; }

        public ShortApiClient Client { get; }

        /// <summary>Every line the client logged, at every level.</summary>
        public IReadOnlyList<string> LogLines => _log.ToList();

        public void Dispose() => Emulator.Dispose();
    }
}
