using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using Xunit;
using static ShortApi.PowerShell.Tests.Help.MamlNames;
using static ShortApi.PowerShell.Tests.Metadata.CmdletMetadata;

namespace ShortApi.PowerShell.Tests.Help
{
    /// <summary>
    /// No help link that fails. The module has no online help pages, so Get-Help -Online must find no
    /// address to open: none in the MAML (it takes the first related-link URI there) and no HelpUri on
    /// a cmdlet (its fallback). Related links name topics Get-Help can show instead.
    /// </summary>
    public class HelpLinkTests
    {
        private static readonly Lazy<XDocument> BuiltHelp = new Lazy<XDocument>(() => XDocument.Load(HelpPaths.BuiltMaml));

        [Fact]
        public void The_maml_carries_no_address()
        {
            var addresses = BuiltHelp.Value.Descendants(Maml + "uri").Select(u => u.Value).Where(u => u.Trim().Length > 0);

            Assert.Empty(addresses);
        }

        [Fact]
        public void No_cmdlet_declares_a_help_uri()
        {
            var declaring = CmdletTypes.Where(t => !string.IsNullOrEmpty(Named<string>(Attribute(t, typeof(CmdletAttribute))!, nameof(CmdletAttribute.HelpUri))));

            Assert.Empty(declaring.Select(CmdletName));
        }

        [Fact]
        public void Every_related_link_names_a_cmdlet_or_an_about_topic_of_the_module()
        {
            var topics = HelpPaths.ExportedCmdlets
                .Concat(Directory.GetFiles(HelpPaths.BuiltHelpFolder, "about_*.help.txt").Select(f => Path.GetFileName(f).Replace(".help.txt", string.Empty, StringComparison.Ordinal)))
                .ToList();
            var links = BuiltHelp.Value.Descendants(Maml + "linkText").Select(l => l.Value).ToList();

            Assert.NotEmpty(links);
            Assert.All(links, link => Assert.Contains(link, topics));
        }
    }
}
