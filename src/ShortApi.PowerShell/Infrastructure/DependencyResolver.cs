using System;
using System.IO;
using System.Reflection;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>
    /// Windows PowerShell 5.1 only: loads System.Text.Json and its dependencies from the module's
    /// private Dependencies folder, and only for requests made by the module's own assemblies (or
    /// by those dependencies). Another module's copy of the same library is left alone, which is
    /// what stops the "could not load System.Text.Json" collisions users keep reporting.
    /// On PowerShell 7 this is never registered: the runtime's own System.Text.Json serves.
    /// </summary>
    internal sealed class DependencyResolver
    {
        private readonly string _moduleFolder;
        private readonly string _dependencyFolder;

        public DependencyResolver(string moduleFolder)
        {
            _moduleFolder = Path.GetFullPath(moduleFolder);
            _dependencyFolder = Path.Combine(_moduleFolder, "Dependencies");
        }

        public void Register() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

        public void Unregister() => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

        private Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            if (!IsOurs(args.RequestingAssembly))
            {
                return null;
            }

            string candidate = Path.Combine(_dependencyFolder, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }

        private bool IsOurs(Assembly? requester)
        {
            if (requester == null || requester.IsDynamic)
            {
                return false;
            }

            string location = requester.Location;
            return location.Length > 0 && location.StartsWith(_moduleFolder, StringComparison.OrdinalIgnoreCase);
        }
    }
}
