using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.Emulator;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Module
{
    /// <summary>The module as Import-Module gives it to a user: from out/ShortApi, with the ten cmdlets.</summary>
    public sealed class ModuleLoadingTests : ModuleTest
    {
        [Fact]
        public void The_cmdlets_run_from_the_laid_out_module_and_the_tests_share_its_assemblies()
        {
            var result = Session.Run("(Get-Command New-ShortApiVideoJob).DLL").AssertClean();

            string expected = Path.Combine(ModuleFolder.Path, "ShortApi.PowerShell.dll");
            Assert.Equal(expected, (string)result.Objects.Single());
            Assert.Equal(Path.Combine(ModuleFolder.Path, "ShortApi.Emulator.dll"), typeof(ShortApiEmulator).Assembly.Location);
            Assert.Equal(Path.Combine(ModuleFolder.Path, "ShortApi.Client.dll"), typeof(VideoJob).Assembly.Location);
        }

        [Fact]
        public void No_shortapi_assembly_is_copied_beside_the_tests()
        {
            var copies = Directory.GetFiles(AppContext.BaseDirectory, "ShortApi.*.dll", SearchOption.AllDirectories)
                .Select(Path.GetFileName)
                .Where(f => f != "ShortApi.PowerShell.Hosting.Tests.dll");

            Assert.Empty(copies);
        }

        [Fact]
        public void Importing_the_module_gives_exactly_the_ten_designed_cmdlets()
        {
            var result = Session.Run("Get-Command -Module ShortApi | ForEach-Object Name").AssertClean();

            Assert.Equal(
                new[]
                {
                    "Connect-ShortApi", "Disconnect-ShortApi", "Get-ShortApiJob", "Get-ShortApiModel", "Measure-ShortApiVideoJob", "New-ShortApiVideoJob",
                    "Save-ShortApiJobOutput", "Start-ShortApiEmulator", "Stop-ShortApiEmulator", "Wait-ShortApiJob",
                },
                result.Objects.Cast<string>().OrderBy(n => n, StringComparer.Ordinal));
        }
    }
}
