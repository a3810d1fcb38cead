using System;
using System.IO;
using System.Management.Automation;
using ShortApi.Emulator;
using ShortApi.Errors;
using ShortApi.PowerShell.Infrastructure;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>
    /// Starts a local ShortAPI emulator on 127.0.0.1 inside this session and connects to it, so
    /// every ShortApi command works end to end with no key and no network.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ShortApiEmulator")]
    [OutputType(typeof(ShortApiEmulator))]
    public sealed class StartShortApiEmulatorCommand : ShortApiCmdlet
    {
        internal const string EmulatorKey = "emulator-local-key";

        /// <summary>The port; a free one by default.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>How long each job runs, in seconds.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public double JobSeconds { get; set; } = 5;

        /// <summary>The share of jobs (0 to 1) that fail, refunded.</summary>
        [Parameter]
        [ValidateRange(0, 1)]
        public double FailureRate { get; set; }

        /// <summary>The share of requests (0 to 1) answered 429 Too Many Requests.</summary>
        [Parameter]
        [ValidateRange(0, 1)]
        public double RateLimitRate { get; set; }

        /// <summary>Added to every create and query, in milliseconds.</summary>
        [Parameter]
        [ValidateRange(0, 60000)]
        public int LatencyMilliseconds { get; set; }

        /// <summary>Seeds the emulator's random choices (failures, rate limits), so runs repeat; job ids are not seeded.</summary>
        [Parameter]
        public int Seed { get; set; } = 1;

        /// <summary>Start it without pointing the session at it.</summary>
        [Parameter]
        public SwitchParameter NoConnect { get; set; }

        /// <summary>A folder to write the emulator's sample stills into, to try jobs with.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SamplePath { get; set; }

        protected override void End()
        {
            var running = ModuleSession.Emulator;
            if (running != null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"An emulator is already running at {running.BaseAddress}. Stop it with Stop-ShortApiEmulator first."),
                    "ShortApi.EmulatorRunning",
                    ErrorCategory.ResourceExists,
                    running));
            }

            if (SamplePath != null)
            {
                WriteSampleStills(SessionState.Path.GetUnresolvedProviderPathFromPSPath(SamplePath));
            }

            var emulator = ShortApiEmulator.Start(new EmulatorOptions
            {
                Port = Port,
                ApiKey = EmulatorKey,
                JobDuration = TimeSpan.FromSeconds(JobSeconds),
                FailureRate = FailureRate,
                RateLimitRate = RateLimitRate,
                CreateLatency = TimeSpan.FromMilliseconds(LatencyMilliseconds),
                QueryLatency = TimeSpan.FromMilliseconds(LatencyMilliseconds),
                Seed = Seed,
                RecordCreateBodies = false,
            });
            ModuleSession.SetEmulator(emulator);
            if (!NoConnect)
            {
                ModuleSession.Connect(ShortApi.Transport.ApiKey.FromPlainText(EmulatorKey), emulator.BaseAddress.AbsoluteUri, null, null);
                WriteVerbose($"The session now uses the emulator at {emulator.BaseAddress}; Stop-ShortApiEmulator ends it.");
            }

            WriteObject(emulator);
        }

        /// <summary>Written before the emulator starts, so a folder that cannot be written leaves nothing running.</summary>
        private void WriteSampleStills(string folder)
        {
            try
            {
                SampleStills.WriteTo(folder);
                WriteVerbose($"The sample stills are in {folder}: {string.Join(", ", SampleStills.Names)}.");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new IOException($"The sample stills could not be written to {folder}: {ex.Message}", ex),
                    "ShortApi.SampleStillsNotWritten",
                    ErrorCategory.WriteError,
                    folder));
            }
        }
    }
}
