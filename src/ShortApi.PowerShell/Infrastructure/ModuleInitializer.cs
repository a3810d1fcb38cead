using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Runtime.InteropServices;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>
    /// Runs when the module is imported and removed. Edition-specific set-up is chosen here, once:
    /// on Windows PowerShell 5.1 (.NET Framework) the private dependency resolver, TLS 1.2 and a
    /// connection limit fit for batches; on PowerShell 7 nothing is needed.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static DependencyResolver? _resolver;

        internal static bool IsDesktopEdition =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public void OnImport()
        {
            if (!IsDesktopEdition)
            {
                return;
            }

            string folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
            _resolver = new DependencyResolver(folder);
            _resolver.Register();

            // .NET Framework may default to TLS 1.0, which ShortAPI refuses, and to 2 connections per host.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            ServicePointManager.DefaultConnectionLimit = Math.Max(ServicePointManager.DefaultConnectionLimit, 256);
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            ModuleSession.StopEmulator();
            _resolver?.Unregister();
            _resolver = null;
        }
    }
}
