using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using static ShortApi.PowerShell.Tests.Metadata.CmdletMetadata;

namespace ShortApi.PowerShell.Tests.Help
{
    /// <summary>
    /// The help source in docs/help/en-US against the compiled cmdlets and the manifest: every
    /// exported cmdlet has a page with a synopsis, a description and examples, and every
    /// parameter is documented, with nothing documented that does not exist.
    /// </summary>
    public class HelpCoverageTests
    {
        public static TheoryData<string> ExportedCmdlets => new TheoryData<string>(HelpPaths.ExportedCmdlets);

        [Fact]
        public void The_manifest_exports_cmdlets_to_document()
        {
            Assert.Equal(CmdletTypes.Count, HelpPaths.ExportedCmdlets.Length);
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Every_exported_cmdlet_has_a_page_with_a_synopsis_a_description_and_two_examples(string cmdlet)
        {
            Assert.True(File.Exists(HelpPaths.Page(cmdlet)), $"{cmdlet} has no help page at {HelpPaths.Page(cmdlet)}");
            var page = HelpPage.Load(HelpPaths.Page(cmdlet));

            Assert.Equal(cmdlet, page.Title);
            Assert.NotEmpty(page.Text("SYNOPSIS"));
            Assert.NotEmpty(page.Text("DESCRIPTION"));
            Assert.True(page.ExampleCode.Count >= 2, $"{cmdlet} has {page.ExampleCode.Count} example(s)");
            Assert.True(page.Has("PARAMETERS") && page.Has("INPUTS") && page.Has("OUTPUTS"), $"{cmdlet} lacks PARAMETERS, INPUTS or OUTPUTS");
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Every_parameter_is_documented(string cmdlet)
        {
            var documented = HelpPage.Load(HelpPaths.Page(cmdlet)).DocumentedParameters;

            var missing = Parameters(CmdletType(cmdlet)).Select(p => p.Name).Except(documented, StringComparer.OrdinalIgnoreCase);

            Assert.Empty(missing);
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Every_documented_parameter_exists(string cmdlet)
        {
            var documented = HelpPage.Load(HelpPaths.Page(cmdlet)).DocumentedParameters;

            var unknown = documented.Except(Parameters(CmdletType(cmdlet)).Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

            Assert.Empty(unknown);
        }

        [Fact]
        public void Every_page_documents_an_exported_cmdlet_or_is_an_about_topic()
        {
            var pages = Directory.GetFiles(HelpPaths.Docs, "*.md").Select(Path.GetFileNameWithoutExtension);

            var stray = pages.Where(p => !p!.StartsWith("about_", StringComparison.Ordinal) && !HelpPaths.ExportedCmdlets.Contains(p));

            Assert.Empty(stray);
        }

        [Fact]
        public void The_about_topic_has_a_short_and_a_long_description()
        {
            string path = Path.Combine(HelpPaths.Docs, "about_ShortApi.md");
            Assert.True(File.Exists(path), "docs/help/en-US/about_ShortApi.md is missing");
            var topic = HelpPage.Load(path);

            Assert.Equal("about_ShortApi", topic.Title);
            Assert.NotEmpty(topic.Text("SHORT DESCRIPTION"));
            Assert.NotEmpty(topic.Text("LONG DESCRIPTION"));
        }

        [Theory]
        [MemberData(nameof(ExportedCmdlets))]
        public void Examples_use_only_sample_images_that_exist(string cmdlet)
        {
            // Examples must run as written from the repository root, so every image they name must be there.
            foreach (string code in HelpPage.Load(HelpPaths.Page(cmdlet)).ExampleCode)
            {
                foreach (Match image in Regex.Matches(code, @"\.?/?samples/([\w.-]+\.png)"))
                {
                    string file = Path.Combine(HelpPaths.RepositoryRoot, "samples", image.Groups[1].Value);
                    Assert.True(File.Exists(file), $"{cmdlet}'s examples use {image.Value}, which does not exist");
                }
            }
        }
    }
}
