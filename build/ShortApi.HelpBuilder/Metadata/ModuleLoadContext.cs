using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>
    /// Loads the module assembly and the libraries beside it (and in its private Dependencies
    /// folder) for inspection. Anything the runtime or this tool already has (the framework, and
    /// the System.Management.Automation stub) comes from the default context instead, as PowerShell 7
    /// itself would supply it; that also keeps one copy of each attribute type.
    /// </summary>
    internal sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private static readonly Lazy<HashSet<string>> PlatformAssemblies = new Lazy<HashSet<string>>(ReadPlatformAssemblies);
        private readonly string[] _folders;

        public ModuleLoadContext(string assemblyPath)
            : base("ShortApi.HelpBuilder module", isCollectible: false)
        {
            string folder = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
            _folders = new[] { folder, Path.Combine(folder, "Dependencies") };
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name == null || PlatformAssemblies.Value.Contains(assemblyName.Name))
            {
                return null;
            }

            foreach (string folder in _folders)
            {
                string candidate = Path.Combine(folder, assemblyName.Name + ".dll");
                if (File.Exists(candidate))
                {
                    return LoadFromAssemblyPath(candidate);
                }
            }

            return null;
        }

        private static HashSet<string> ReadPlatformAssemblies()
        {
            string list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            return new HashSet<string>(
                list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFileNameWithoutExtension).OfType<string>(),
                StringComparer.OrdinalIgnoreCase);
        }
    }
}
