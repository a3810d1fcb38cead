using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>Starts this same program again in another role (the emulator host, the memory worker).</summary>
    internal static class SelfLauncher
    {
        public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
        {
            string host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
            var info = new ProcessStartInfo(host) { UseShellExecute = false };

            // Run through "dotnet bench.dll" (no apphost): the host needs the dll as its first argument.
            if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
            {
                info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, typeof(SelfLauncher).Assembly.GetName().Name + ".dll"));
            }

            foreach (string argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            return info;
        }
    }
}
