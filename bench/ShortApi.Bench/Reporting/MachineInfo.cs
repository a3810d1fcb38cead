using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace ShortApi.Bench.Reporting
{
    /// <summary>The machine the figures were taken on; on a shared box the load average matters as much as the CPU.</summary>
    internal sealed record MachineInfo(string OperatingSystem, string Cpu, int Cores, string Runtime, string LoadAverage)
    {
        public static MachineInfo Current() => new MachineInfo(
            OperatingSystemName(),
            CpuModel(),
            Environment.ProcessorCount,
            RuntimeInformation.FrameworkDescription + " (" + RuntimeInformation.RuntimeIdentifier + ")",
            LoadAverageNow());

        /// <summary>1, 5 and 15 minute load averages from /proc/loadavg, or "n/a".</summary>
        public static string LoadAverageNow()
        {
            string? text = TryRead("/proc/loadavg");
            return text == null ? "n/a" : string.Join(" / ", text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        }

        private static string OperatingSystemName()
        {
            string? release = TryRead("/etc/os-release");
            string? pretty = release?.Split('\n')
                .Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(l => l.Substring("PRETTY_NAME=".Length).Trim('"'))
                .FirstOrDefault();
            return pretty != null ? $"{pretty}, kernel {Environment.OSVersion.Version}" : RuntimeInformation.OSDescription;
        }

        private static string CpuModel()
        {
            string? cpuinfo = TryRead("/proc/cpuinfo");
            string? model = cpuinfo?.Split('\n')
                .Where(l => l.StartsWith("model name", StringComparison.Ordinal))
                .Select(l => l.Substring(l.IndexOf(':', StringComparison.Ordinal) + 1).Trim())
                .FirstOrDefault();
            return model ?? RuntimeInformation.ProcessArchitecture.ToString();
        }

        private static string? TryRead(string path)
        {
            try
            {
                return File.Exists(path) ? File.ReadAllText(path) : null;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
