using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using ShortApi.Emulator;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>
    /// The base of every hosting test: a session with the module imported, a fresh folder, and the
    /// module's process-wide state (connection, emulator, environment) cleared before and after.
    /// </summary>
    public abstract class ModuleTest : IDisposable
    {
        private static readonly string[] Variables = { "SHORTAPI_KEY", "SHORTAPI_BASE_URL", "SHORTAPI_CATALOG" };

        private readonly List<ShortApiEmulator> _ownEmulators = new List<ShortApiEmulator>();

        protected ModuleTest()
        {
            ClearEnvironment();
            Session = new PowerShellSession();
            ResetModule();
        }

        protected PowerShellSession Session { get; }

        protected TestFolder Folder { get; } = new TestFolder();

        /// <summary>The emulator the last <see cref="StartEmulator"/> started (and connected the session to).</summary>
        protected ShortApiEmulator Emulator { get; private set; } = null!;

        /// <summary>Runs Start-ShortApiEmulator with these parameters; the session is then connected to it.</summary>
        protected ShortApiEmulator StartEmulator(string parameters = "-JobSeconds 0.5")
        {
            var result = Session.Run("Start-ShortApiEmulator " + parameters).AssertClean();
            Emulator = (ShortApiEmulator)result.Objects[0];
            return Emulator;
        }

        /// <summary>
        /// Starts an emulator with options Start-ShortApiEmulator does not offer (large outputs,
        /// slow downloads) and connects the session to it with Connect-ShortApi. Stopped after the test.
        /// </summary>
        protected ShortApiEmulator StartConfiguredEmulator(EmulatorOptions options)
        {
            options.ApiKey ??= "hosting-test-key";
            var emulator = ShortApiEmulator.Start(options);
            _ownEmulators.Add(emulator);
            Session.Run(
                "Connect-ShortApi -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force) -Endpoint $endpoint",
                ("key", options.ApiKey),
                ("endpoint", emulator.BaseAddress.AbsoluteUri)).AssertClean();
            Emulator = emulator;
            return emulator;
        }

        /// <summary>The types a cmdlet declares with [OutputType], as Get-Command shows them.</summary>
        protected IReadOnlyList<Type> DeclaredOutputTypes(string cmdlet) =>
            Session.Run("(Get-Command $cmdlet).OutputType.Type", ("cmdlet", cmdlet)).AssertClean().All<Type>();

        /// <summary>Waits until <paramref name="condition"/> holds, failing after <paramref name="seconds"/>.</summary>
        protected static void WaitUntil(Func<bool> condition, string what, double seconds = 20)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.Elapsed.TotalSeconds > seconds)
                {
                    throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
                }

                Thread.Sleep(20);
            }
        }

        public void Dispose()
        {
            ResetModule();
            foreach (var emulator in _ownEmulators)
            {
                emulator.Stop();
            }

            Session.Dispose();
            Folder.Dispose();
            ClearEnvironment();
            GC.SuppressFinalize(this);
        }

        private void ResetModule() => Session.Run("Stop-ShortApiEmulator; Disconnect-ShortApi").AssertClean();

        private static void ClearEnvironment()
        {
            foreach (string name in Variables)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
