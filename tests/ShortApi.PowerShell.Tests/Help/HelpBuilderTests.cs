using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ShortApi.TestSupport;
using Xunit;
using static ShortApi.PowerShell.Tests.Help.MamlNames;
using static ShortApi.PowerShell.Tests.Metadata.CmdletMetadata;

namespace ShortApi.PowerShell.Tests.Help
{
    /// <summary>
    /// The help builder run as the build runs it, on a copy of the help source with one thing broken:
    /// each rule fails the build with the message a help author sees, at the file and line to fix,
    /// and writes no help.
    /// </summary>
    public sealed class HelpBuilderTests : IDisposable
    {
        private readonly TempDirectory _temp = new TempDirectory();
        private readonly string _docs;

        public HelpBuilderTests()
        {
            _docs = _temp.Combine("docs");
            Directory.CreateDirectory(_docs);
            foreach (string file in Directory.GetFiles(HelpPaths.Docs, "*.md"))
            {
                File.Copy(file, Path.Combine(_docs, Path.GetFileName(file)));
            }
        }

        public void Dispose() => _temp.Dispose();

        [Fact]
        public void It_writes_the_maml_file_and_the_about_topic_when_every_cmdlet_is_documented()
        {
            var (exitCode, output) = Build();

            Assert.True(exitCode == 0, output);
            Assert.True(File.Exists(_temp.Combine("out", "ShortApi.PowerShell.dll-Help.xml")));
            Assert.True(File.Exists(_temp.Combine("out", "about_ShortApi.help.txt")));
        }

        [Fact]
        public void It_writes_inline_markup_and_lists_as_plain_text()
        {
            Edit("Disconnect-ShortApi", text => text
                .Replace("Forgets the key and settings that Connect-ShortApi or Start-ShortApiEmulator set for this process.", "Forgets the `key` and **settings** that [Connect-ShortApi](Connect-ShortApi.md) or *Start-ShortApiEmulator* set, as [the guide](https://example.com/guide) says; see ShortApi.<Reason> &amp; more.", StringComparison.Ordinal)
                .Replace("## EXAMPLES", "- one\n  continued\n- two\n\n## EXAMPLES", StringComparison.Ordinal));

            var (exitCode, output) = Build();

            Assert.True(exitCode == 0, output);
            var command = XDocument.Load(_temp.Combine("out", "ShortApi.PowerShell.dll-Help.xml")).Descendants(Command + "command")
                .Single(c => (string?)c.Element(Command + "details")!.Element(Command + "name") == "Disconnect-ShortApi");
            Assert.Equal(
                "Forgets the key and settings that Connect-ShortApi or Start-ShortApiEmulator set, as the guide (https://example.com/guide) says; see ShortApi.<Reason> & more.",
                command.Element(Command + "details")!.Element(Maml + "description")!.Element(Maml + "para")!.Value);
            Assert.Equal("- one continued\n- two", command.Element(Maml + "description")!.Elements(Maml + "para").Last().Value);
        }

        [Fact]
        public void It_fails_when_a_cmdlet_has_no_page()
        {
            File.Delete(Page("Stop-ShortApiEmulator"));

            AssertFails($"{Page("Stop-ShortApiEmulator")}: error SAHELP001: Stop-ShortApiEmulator has no help: write Stop-ShortApiEmulator.md");
        }

        [Fact]
        public void It_fails_when_a_page_documents_no_cmdlet()
        {
            File.Copy(Page("Get-ShortApiJob"), Page("Remove-ShortApiJob"));

            AssertFails($"{Page("Remove-ShortApiJob")}: error SAHELP008: the module has no cmdlet named Remove-ShortApiJob; rename or delete this page.");
        }

        [Fact]
        public void It_fails_when_a_required_section_is_missing()
        {
            Edit("Disconnect-ShortApi", text => Regex.Replace(text, @"## OUTPUTS\n.*?(?=## )", string.Empty, RegexOptions.Singleline));

            AssertFails($"{Page("Disconnect-ShortApi")}: error SAHELP002: the '## OUTPUTS' section is missing.");
        }

        [Fact]
        public void It_fails_when_a_parameter_is_not_documented()
        {
            Edit("Save-ShortApiJobOutput", text => Regex.Replace(text, @"### -Force\n.*?\n(?=### )", string.Empty, RegexOptions.Singleline));

            AssertFails($"{Page("Save-ShortApiJobOutput")}({LineOf("Save-ShortApiJobOutput", "## PARAMETERS")}): error SAHELP004: -Force of Save-ShortApiJobOutput is not documented: add '### -Force' with its description under '## PARAMETERS'.");
        }

        [Fact]
        public void It_fails_when_a_documented_parameter_does_not_exist()
        {
            Edit("Get-ShortApiModel", text => text.Replace("## INPUTS", "### -Vendor\nFilters by vendor.\n\n## INPUTS", StringComparison.Ordinal));

            AssertFails($"{Page("Get-ShortApiModel")}({LineOf("Get-ShortApiModel", "### -Vendor")}): error SAHELP005: -Vendor is documented, but Get-ShortApiModel has no such parameter");
        }

        [Fact]
        public void It_fails_when_a_cmdlet_has_fewer_than_two_examples()
        {
            Edit("Disconnect-ShortApi", text => Regex.Replace(text, @"### Example 2:.*?(?=## PARAMETERS)", string.Empty, RegexOptions.Singleline));

            AssertFails($"{Page("Disconnect-ShortApi")}({LineOf("Disconnect-ShortApi", "## EXAMPLES")}): error SAHELP003: Disconnect-ShortApi has 1 example(s); at least 2 are needed.");
        }

        [Fact]
        public void It_fails_when_an_input_type_the_cmdlet_takes_is_not_described()
        {
            Edit("New-ShortApiVideoJob", text => text.Replace("### System.String[]\n", string.Empty, StringComparison.Ordinal));

            AssertFails($"{Page("New-ShortApiVideoJob")}({LineOf("New-ShortApiVideoJob", "## INPUTS")}): error SAHELP006: System.String[], which New-ShortApiVideoJob takes from the pipeline by value, is not described: add '### System.String[]' under '## INPUTS'.");
        }

        [Fact]
        public void It_fails_when_an_output_type_is_not_the_one_the_cmdlet_declares()
        {
            Edit("Save-ShortApiJobOutput", text => text.Replace("### System.IO.FileInfo", "### System.String", StringComparison.Ordinal));

            AssertFails($"{Page("Save-ShortApiJobOutput")}({LineOf("Save-ShortApiJobOutput", "### System.String")}): error SAHELP007: '### System.String' is not a type Save-ShortApiJobOutput declares with [OutputType] (expected: System.IO.FileInfo).");
        }

        [Fact]
        public void It_fails_when_a_related_link_points_at_a_web_address()
        {
            Edit("Get-ShortApiModel", text => text.Replace("## RELATED LINKS\n", "## RELATED LINKS\n- [ShortAPI](https://shortapi.ai)\n", StringComparison.Ordinal));

            AssertFails($"{Page("Get-ShortApiModel")}({LineOf("Get-ShortApiModel", "- [ShortAPI]")}): error SAHELP011: 'ShortAPI' links to https://shortapi.ai; related links name help topics only");
        }

        [Fact]
        public void It_fails_when_a_related_link_names_no_page_of_the_help()
        {
            Edit("Get-ShortApiModel", text => text.Replace("## RELATED LINKS\n", "## RELATED LINKS\n- [Remove-ShortApiJob](Remove-ShortApiJob.md)\n", StringComparison.Ordinal));

            AssertFails($"{Page("Get-ShortApiModel")}({LineOf("Get-ShortApiModel", "- [Remove-ShortApiJob]")}): error SAHELP011: '[Remove-ShortApiJob](Remove-ShortApiJob.md)' does not name a page of this help");
        }

        [Fact]
        public void It_fails_when_a_code_block_is_not_closed()
        {
            Edit("Disconnect-ShortApi", text => text + "\n## NOTES\n```powershell\nDisconnect-ShortApi\n");

            AssertFails($"{Page("Disconnect-ShortApi")}({LineOf("Disconnect-ShortApi", "```powershell\nDisconnect-ShortApi\n", last: true)}): error SAHELP009: this code block is not closed with ```");
        }

        private (int ExitCode, string Output) Build() => HelpBuilderProcess.Run(ModuleAssembly.Location, _docs, _temp.Combine("out"));

        private void AssertFails(string expected)
        {
            var (exitCode, output) = Build();

            Assert.Equal(1, exitCode);
            Assert.Contains(expected, output, StringComparison.Ordinal);
            Assert.False(File.Exists(_temp.Combine("out", "ShortApi.PowerShell.dll-Help.xml")), "help was written although the source has problems");
        }

        private string Page(string name) => Path.Combine(_docs, name + ".md");

        private void Edit(string page, Func<string, string> change)
        {
            string before = File.ReadAllText(Page(page)).Replace("\r\n", "\n", StringComparison.Ordinal);
            string after = change(before);
            Assert.NotEqual(before, after); // the edit must hit, or the test would pass for the wrong reason
            File.WriteAllText(Page(page), after);
        }

        /// <summary>The 1-based line of the page where <paramref name="text"/> starts (its first or last occurrence).</summary>
        private int LineOf(string page, string text, bool last = false)
        {
            string content = File.ReadAllText(Page(page));
            int index = last ? content.LastIndexOf(text, StringComparison.Ordinal) : content.IndexOf(text, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{text}' is not in {page}.md");
            return content.Take(index).Count(c => c == '\n') + 1;
        }
    }
}
