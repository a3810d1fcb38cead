using System;
using ShortApi.Timing;

namespace ShortApi.Emulator
{
    /// <summary>How the emulator behaves. The defaults give quick, always-successful jobs.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>The one key accepted as "Bearer &lt;key&gt;"; null accepts any non-empty key.</summary>
        public string? ApiKey { get; set; }

        /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
        public int Port { get; set; }

        /// <summary>How long a job runs (queued for its first tenth, then processing).</summary>
        public TimeSpan JobDuration { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>Added before answering a create.</summary>
        public TimeSpan CreateLatency { get; set; } = TimeSpan.Zero;

        /// <summary>Added before answering a query.</summary>
        public TimeSpan QueryLatency { get; set; } = TimeSpan.Zero;

        /// <summary>Added before serving an output file.</summary>
        public TimeSpan DownloadLatency { get; set; } = TimeSpan.Zero;

        /// <summary>The share of jobs (0 to 1) that end failed, with their charge refunded.</summary>
        public double FailureRate { get; set; }

        /// <summary>The share of API requests (0 to 1) answered 429 with Retry-After.</summary>
        public double RateLimitRate { get; set; }

        /// <summary>
        /// The most queries per second taken, like a real server's limit (0: no limit): a token
        /// bucket holding one second's worth; a query beyond it is answered 429 with a Retry-After
        /// of the wait until the next token, rounded up to whole seconds as the header requires.
        /// </summary>
        public double QueryRateLimit { get; set; }

        /// <summary>The same limit for creates (0: no limit). A refused create creates nothing.</summary>
        public double CreateRateLimit { get; set; }

        /// <summary>The share of API requests (0 to 1) answered 503 (the request was not taken).</summary>
        public double ServiceUnavailableRate { get; set; }

        /// <summary>The share of query requests (0 to 1) answered 500.</summary>
        public double QueryServerErrorRate { get; set; }

        /// <summary>The Retry-After sent with 429 and 503 answers.</summary>
        public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// Seeds the random choices (which jobs fail, which requests meet a fault), so a run can be
        /// repeated. Job ids are not seeded: each emulator gives ids of its own.
        /// </summary>
        public int Seed { get; set; } = 1;

        /// <summary>The size of each generated output video.</summary>
        public int OutputBytes { get; set; } = 64 * 1024;

        /// <summary>Outputs per successful job.</summary>
        public int OutputsPerJob { get; set; } = 1;

        /// <summary>
        /// Accept model ids no page in the emulator documents (checked only for shape: an owner/name
        /// id and an args object). The five documented models are always judged by their pages.
        /// </summary>
        public bool AcceptUnknownModels { get; set; } = true;

        /// <summary>Keep each create body (for tests that check the exact JSON). Image payloads are kept too.</summary>
        public bool RecordCreateBodies { get; set; } = true;

        /// <summary>The emulator's time; share a sped-up clock with the client to simulate long jobs quickly.</summary>
        public IClock Clock { get; set; } = SystemClock.Instance;
    }
}
