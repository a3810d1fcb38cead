using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>
    /// The tests compile against ShortApi.Client and ShortApi.Emulator (for the emulator's faults and
    /// stats, and the job type) but carry no copy of them: every ShortApi assembly is loaded from
    /// out/ShortApi, the very files the runspaces import, so a test and a cmdlet share one type.
    /// </summary>
    internal static class ModuleAssemblies
    {
#pragma warning disable CA2255 // a module initializer is the point: it must run before any test touches a ShortApi type
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void Install() => AssemblyLoadContext.Default.Resolving += Resolve;

        private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
        {
            if (name.Name == null || !name.Name.StartsWith("ShortApi.", StringComparison.Ordinal))
            {
                return null;
            }

            string candidate = Path.Combine(ModuleFolder.Path, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        }
    }
}
