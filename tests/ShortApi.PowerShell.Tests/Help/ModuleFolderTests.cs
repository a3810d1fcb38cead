using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ShortApi.PowerShell.Tests.Help
{
    /// <summary>
    /// The help builder and its libraries (Markdig, the PowerShell stub) run at build time only: none
    /// of them may be laid out in out/ShortApi, the folder users import.
    /// </summary>
    public class ModuleFolderTests
    {
        [Fact]
        public void No_library_of_the_help_builder_is_laid_out_in_the_module()
        {
            string builderFolder = Path.GetDirectoryName(HelpPaths.HelpBuilder)!;
            var builderLibraries = Directory.GetFiles(builderFolder, "*.dll").Select(Path.GetFileName).ToList();
            Assert.Contains("Markdig.dll", builderLibraries); // what this test guards against is really there to leak

            var shipped = Directory.GetFiles(HelpPaths.ModuleFolder, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName);

            Assert.Empty(shipped.Intersect(builderLibraries, StringComparer.OrdinalIgnoreCase));
        }
    }
}
