using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ShortApi.PowerShell.Tests.Help
{
    /// <summary>Where the help source, the help the build generated and the help builder live.</summary>
    internal static class HelpPaths
    {
        public static string RepositoryRoot
        {
            get
            {
                var folder = new DirectoryInfo(AppContext.BaseDirectory);
                while (folder != null && !File.Exists(Path.Combine(folder.FullName, "ShortApi.psd1")))
                {
                    folder = folder.Parent;
                }

                return folder?.FullName ?? throw new InvalidOperationException("ShortApi.psd1 not found above the test folder.");
            }
        }

        public static string Docs => Path.Combine(RepositoryRoot, "docs", "help", "en-US");

        /// <summary>The module as `dotnet build` lays it out, the folder users import.</summary>
        public static string ModuleFolder => Path.Combine(RepositoryRoot, "out", "ShortApi");

        /// <summary>The culture folder `dotnet build` fills in the laid-out module.</summary>
        public static string BuiltHelpFolder => Path.Combine(ModuleFolder, "en-US");

        public static string BuiltMaml => Path.Combine(BuiltHelpFolder, "ShortApi.PowerShell.dll-Help.xml");

        /// <summary>The builder built alongside this test run: same configuration, its own net10.0 output folder.</summary>
        public static string HelpBuilder
        {
            get
            {
                string configuration = typeof(HelpPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
                return Path.Combine(RepositoryRoot, "build", "ShortApi.HelpBuilder", "bin", configuration, "net10.0", "ShortApi.HelpBuilder.dll");
            }
        }

        /// <summary>The cmdlets ShortApi.psd1 exports, in manifest order.</summary>
        public static string[] ExportedCmdlets
        {
            get
            {
                string manifest = File.ReadAllText(Path.Combine(RepositoryRoot, "ShortApi.psd1"));
                string block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
                return Regex.Matches(block, @"'([^']+)'").Select(m => m.Groups[1].Value).ToArray();
            }
        }
    }
}
