using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using ShortApi.Bench.Infrastructure;

namespace ShortApi.Bench.Emulation
{
    /// <summary>
    /// The emulator in a child process (this executable with --serve-emulator), so its work, its
    /// memory and the request bodies it buffers never show in the client's figures. Each run gets
    /// a fresh one: fresh counters, and a fresh port (so a fresh process-wide query budget).
    /// </summary>
    internal sealed class EmulatorProcess : IEmulatorHost
    {
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

        private readonly Process _process;
        private readonly string _portFile;

        private EmulatorProcess(Process process, string portFile, Uri baseAddress)
        {
            _process = process;
            _portFile = portFile;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public int ProcessId => _process.Id;

        public static EmulatorProcess Start(EmulatorSettings settings)
        {
            string portFile = Path.Combine(Path.GetTempPath(), $"shortapi-bench-emulator-{Guid.NewGuid():N}.port");
            var info = SelfLauncher.StartInfo(new[] { EmulatorServer.Mode, "--port-file", portFile }.Concat(settings.ToArguments()));
            info.RedirectStandardInput = true;
            info.RedirectStandardOutput = true;
            var process = Process.Start(info) ?? throw new InvalidOperationException("The emulator process did not start.");

            try
            {
                int port = WaitForPort(process, portFile);
                return new EmulatorProcess(process, portFile, new Uri($"http://127.0.0.1:{port}/"));
            }
            catch
            {
                Stop(process);
                throw;
            }
        }

        /// <summary>Asks the child for its counters and jobs.</summary>
        public EmulatorSnapshot Snapshot()
        {
            _process.StandardInput.WriteLine("stats");
            _process.StandardInput.Flush();
            string line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The emulator process ended without answering.");
            return JsonSerializer.Deserialize<EmulatorSnapshot>(line) ?? throw new InvalidOperationException("The emulator answered an empty snapshot.");
        }

        public void Dispose()
        {
            Stop(_process);
            TryDelete(_portFile);
        }

        private static int WaitForPort(Process process, string portFile)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < StartTimeout)
            {
                if (File.Exists(portFile))
                {
                    return int.Parse(File.ReadAllText(portFile).Trim(), CultureInfo.InvariantCulture);
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The emulator process exited with code {process.ExitCode} before listening.");
                }

                Thread.Sleep(20);
            }

            throw new TimeoutException($"The emulator process did not report its port within {StartTimeout.TotalSeconds:0} s.");
        }

        /// <summary>Closing stdin asks the child to stop; only this child is killed if it does not.</summary>
        private static void Stop(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.StandardInput.Close();
                    if (!process.WaitForExit(10_000))
                    {
                        process.Kill();
                        process.WaitForExit(5_000);
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            finally
            {
                process.Dispose();
            }
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
        }
    }
}
