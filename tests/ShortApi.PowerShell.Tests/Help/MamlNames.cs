using System.Xml.Linq;

namespace ShortApi.PowerShell.Tests.Help
{
    /// <summary>The MAML namespaces Get-Help reads, for tests that look into the generated help.</summary>
    internal static class MamlNames
    {
        public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    }
}
