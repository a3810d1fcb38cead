using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace ShortApi.PowerShell.Tests.Help
{
    /// <summary>Runs the help builder the way the build does, and captures what it says.</summary>
    internal static class HelpBuilderProcess
    {
        public static (int ExitCode, string Output) Run(string assembly, string docs, string output)
        {
            Assert.True(File.Exists(HelpPaths.HelpBuilder), $"The help builder was not built at {HelpPaths.HelpBuilder}.");
            var start = new ProcessStartInfo(DotnetHost)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[] { HelpPaths.HelpBuilder, "--assembly", assembly, "--docs", docs, "--out", output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "The help builder did not finish within two minutes.");
            return (process.ExitCode, stdout + stderr.Result);
        }

        /// <summary>The dotnet that runs these tests when there is one to find, else the one on PATH.</summary>
        private static string DotnetHost
        {
            get
            {
                string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
                if (!string.IsNullOrEmpty(host) && File.Exists(host))
                {
                    return host;
                }

                string? process = Environment.ProcessPath;
                return process != null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? process : "dotnet";
            }
        }
    }
}
