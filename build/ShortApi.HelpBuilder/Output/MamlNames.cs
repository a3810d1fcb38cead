using System.Xml.Linq;

namespace ShortApi.HelpBuilder.Output
{
    /// <summary>The MAML namespaces PowerShell's help system reads (the same ones every module's *-Help.xml uses).</summary>
    internal static class MamlNames
    {
        public static readonly XNamespace HelpItems = "http://msh";
        public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    }
}
