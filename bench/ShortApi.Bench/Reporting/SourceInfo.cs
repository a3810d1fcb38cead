using System;
using System.Diagnostics;

namespace ShortApi.Bench.Reporting
{
    /// <summary>Which source the figures were taken from: the commit, and whether the tree had uncommitted changes.</summary>
    internal static class SourceInfo
    {
        public static string Describe(string repository)
        {
            string? commit = Git(repository, "rev-parse", "--short", "HEAD");
            if (commit == null)
            {
                return "unknown (git unavailable)";
            }

            string? changes = Git(repository, "status", "--porcelain", "--untracked-files=no");
            return changes == null ? commit : changes.Length == 0 ? $"commit {commit}, clean" : $"commit {commit} plus uncommitted changes";
        }

        /// <summary>A local, read-only git command's output, or null when git is missing or fails.</summary>
        private static string? Git(string repository, params string[] arguments)
        {
            try
            {
                var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                info.ArgumentList.Add("-C");
                info.ArgumentList.Add(repository);
                foreach (string argument in arguments)
                {
                    info.ArgumentList.Add(argument);
                }

                using var git = Process.Start(info);
                if (git == null)
                {
                    return null;
                }

                string output = git.StandardOutput.ReadToEnd().Trim();
                git.WaitForExit();
                return git.ExitCode == 0 ? output : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }
}
