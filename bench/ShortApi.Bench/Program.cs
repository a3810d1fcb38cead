using System;
using System.Globalization;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Scenarios;

namespace ShortApi.Bench
{
    /// <summary>
    /// One executable, three roles: the benchmark itself (default), the emulator's host process
    /// (--serve-emulator) and the clean process the memory figures are taken in (--memory-worker).
    /// The benchmark launches itself in the other two roles, so the client's figures are its own.
    /// </summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            // Figures and file names read the same on every machine.
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

            CommandLine commandLine;
            try
            {
                commandLine = CommandLine.Parse(args);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                Console.Error.WriteLine(BenchSettings.Usage);
                return 2;
            }

            if (commandLine.Has("--help") || commandLine.Has("-h"))
            {
                Console.WriteLine(BenchSettings.Usage);
                return 0;
            }

            if (commandLine.Has(EmulatorServer.Mode))
            {
                return EmulatorServer.Run(commandLine);
            }

            if (commandLine.Has(MemoryWorker.Mode))
            {
                return await MemoryWorker.RunAsync(commandLine).ConfigureAwait(false);
            }

            return await BenchRunner.RunAsync(BenchSettings.From(commandLine)).ConfigureAwait(false);
        }
    }
}
