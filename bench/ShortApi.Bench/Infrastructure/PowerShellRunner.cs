using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>
    /// Runs a script in the PowerShell the repository pins as a dotnet tool (dotnet-tools.json):
    /// `dotnet pwsh`, from the repository root. When the tool is not restored, says so instead.
    /// </summary>
    internal sealed class PowerShellRunner
    {
        private static readonly TimeSpan ProbeTimeout = TimeSpan.FromMinutes(2);

        private readonly string _repository;

        private PowerShellRunner(string repository, string version)
        {
            _repository = repository;
            Version = version;
        }

        public string Version { get; }

        /// <summary>The runner, or null and why not (the tool not restored, no dotnet on the path...).</summary>
        public static (PowerShellRunner? Runner, string? Problem) Find(string repository)
        {
            try
            {
                var result = RunAsync(repository, new[] { "-NoProfile", "-NonInteractive", "-Command", "$PSVersionTable.PSVersion.ToString()" }, ProbeTimeout).GetAwaiter().GetResult();
                if (result.ExitCode != 0)
                {
                    return (null, $"`dotnet pwsh` failed (exit code {result.ExitCode}): {Trim(result.Error)}. Run `dotnet tool restore` in the repository first.");
                }

                return (new PowerShellRunner(repository, result.Output.Trim()), null);
            }
            catch (Exception ex)
            {
                return (null, $"`dotnet pwsh` could not be started: {ex.Message}. Run `dotnet tool restore` in the repository first.");
            }
        }

        /// <summary>Runs the script file with its arguments; the whole process is timed, PowerShell's start included.</summary>
        public Task<ProcessResult> RunScriptAsync(string script, string[] arguments, TimeSpan timeout)
        {
            var all = new string[4 + arguments.Length];
            all[0] = "-NoProfile";
            all[1] = "-NonInteractive";
            all[2] = "-File";
            all[3] = script;
            Array.Copy(arguments, 0, all, 4, arguments.Length);
            return RunAsync(_repository, all, timeout);
        }

        private static async Task<ProcessResult> RunAsync(string repository, string[] arguments, TimeSpan timeout)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = repository,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.ArgumentList.Add("pwsh");
            foreach (string argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(timeout)).ConfigureAwait(false) != exited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"PowerShell did not finish within {timeout.TotalMinutes:0} min.");
            }

            return new ProcessResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false), watch.Elapsed);
        }

        private static string Trim(string text) => text.Length > 300 ? text.Substring(0, 300) + "..." : text.Trim();
    }
}
