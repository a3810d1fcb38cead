using System;
using System.IO;
using System.Text.Json;
using ShortApi.Bench.Infrastructure;
using ShortApi.Emulator;

namespace ShortApi.Bench.Emulation
{
    /// <summary>
    /// The child side of <see cref="EmulatorProcess"/>: runs the emulator, writes its port to a
    /// file, then answers one command per stdin line ("stats": one JSON line on stdout) until stdin
    /// closes or "stop" comes. A parent that dies closes stdin, so no emulator outlives its bench.
    /// </summary>
    internal static class EmulatorServer
    {
        public const string Mode = "--serve-emulator";

        public static int Run(CommandLine commandLine)
        {
            string portFile = commandLine.Require("--port-file");
            var settings = EmulatorSettings.Parse(commandLine);
            using var emulator = ShortApiEmulator.Start(settings.ToOptions());
            WritePortFile(portFile, emulator.Port);

            var output = Console.Out;
            string? line;
            while ((line = Console.In.ReadLine()) != null)
            {
                switch (line.Trim())
                {
                    case "stats":
                        output.WriteLine(JsonSerializer.Serialize(EmulatorSnapshot.Of(emulator)));
                        output.Flush();
                        break;
                    case "stop":
                        return 0;
                    default:
                        Console.Error.WriteLine($"emulator: unknown command '{line}'");
                        break;
                }
            }

            return 0;
        }

        /// <summary>Written under a temporary name and renamed, so the parent never reads half a port number.</summary>
        private static void WritePortFile(string path, int port)
        {
            string temporary = path + ".tmp";
            File.WriteAllText(temporary, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            File.Move(temporary, path, overwrite: true);
        }
    }
}
