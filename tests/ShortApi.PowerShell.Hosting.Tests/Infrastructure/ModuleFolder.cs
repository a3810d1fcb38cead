using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>Where the module `dotnet build` laid out lives: out/ShortApi under the repository root stamped into this assembly.</summary>
    public static class ModuleFolder
    {
        /// <summary>The repository root, as the build saw it.</summary>
        public static string RepositoryRoot { get; } = System.IO.Path.GetFullPath(
            typeof(ModuleFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value
            ?? throw new InvalidOperationException("The test assembly carries no RepositoryRoot."));

        /// <summary>out/ShortApi: the manifest, the ShortApi.*.dll the runspaces load, the format file.</summary>
        public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot, "out", "ShortApi");

        public static string Manifest { get; } = System.IO.Path.Combine(Path, "ShortApi.psd1");

        /// <summary>The sample stills shipped with the repository (forest.png, harbor.png, sunrise.png).</summary>
        public static string Samples { get; } = System.IO.Path.Combine(RepositoryRoot, "samples");
    }
}
