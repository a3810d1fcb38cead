using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;
using static ShortApi.PowerShell.Tests.Metadata.CmdletMetadata;

namespace ShortApi.PowerShell.Tests.Metadata
{
    /// <summary>The manifest and the module folder that `dotnet build` lays out.</summary>
    public class ModuleManifestTests
    {
        private static string RepositoryRoot
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

        private static string Manifest => File.ReadAllText(Path.Combine(RepositoryRoot, "ShortApi.psd1"));

        private static string ModuleFolder => Path.Combine(RepositoryRoot, "out", "ShortApi");

        [Fact]
        public void The_manifest_exports_exactly_the_cmdlet_classes()
        {
            var block = Regex.Match(Manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
            var exported = Regex.Matches(block, @"'([^']+)'").Select(m => m.Groups[1].Value).OrderBy(n => n, StringComparer.Ordinal);

            Assert.Equal(CmdletTypes.Select(CmdletName).OrderBy(n => n, StringComparer.Ordinal), exported);
        }

        [Fact]
        public void The_manifest_exports_no_functions_aliases_or_variables_by_wildcard()
        {
            Assert.Matches(@"FunctionsToExport\s*=\s*@\(\)", Manifest);
            Assert.Matches(@"AliasesToExport\s*=\s*@\(\)", Manifest);
            Assert.Matches(@"VariablesToExport\s*=\s*@\(\)", Manifest);
        }

        [Fact]
        public void The_module_runs_on_windows_powershell_5_1_and_powershell_7()
        {
            Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", Manifest);
            Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", Manifest);
        }

        [Fact]
        public void The_assembly_version_is_the_manifest_version()
        {
            string version = Regex.Match(Manifest, @"ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value;

            Assert.Equal(new Version(version + ".0"), ModuleAssembly.GetName().Version);
        }

        [Fact]
        public void The_built_module_folder_holds_the_manifest_the_assemblies_and_the_format_and_types_files()
        {
            foreach (string file in new[] { "ShortApi.psd1", "ShortApi.PowerShell.dll", "ShortApi.Client.dll", "ShortApi.Emulator.dll", "ShortApi.format.ps1xml", "ShortApi.types.ps1xml" })
            {
                Assert.True(File.Exists(Path.Combine(ModuleFolder, file)), file + " is missing from out/ShortApi");
            }
        }

        [Fact]
        public void The_manifest_loads_the_format_and_types_files()
        {
            Assert.Matches(@"FormatsToProcess\s*=\s*@\('ShortApi\.format\.ps1xml'\)", Manifest);
            Assert.Matches(@"TypesToProcess\s*=\s*@\('ShortApi\.types\.ps1xml'\)", Manifest);
        }

        [Fact]
        public void System_text_json_ships_only_in_the_private_dependencies_folder_and_is_no_newer_than_powershell_7_4s()
        {
            string dependency = Path.Combine(ModuleFolder, "Dependencies", "System.Text.Json.dll");

            Assert.True(File.Exists(dependency));
            Assert.False(File.Exists(Path.Combine(ModuleFolder, "System.Text.Json.dll")));
            Assert.Equal(8, AssemblyName.GetAssemblyName(dependency).Version!.Major);
        }

        [Fact]
        public void PowerShell_itself_is_never_shipped()
        {
            Assert.Empty(Directory.GetFiles(ModuleFolder, "System.Management.Automation.dll", SearchOption.AllDirectories));
        }
    }
}
