using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ShortApi.TestSupport;
using Xunit;
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
        public void It_fails_when_a_parameter_is_not_documented()
        {
            Edit("Save-ShortApiJobOutput", text => Regex.Replace(text, @"### -Force\n.*?\n(?=### )", string.Empty, RegexOptions.Singleline));

            AssertFails($"{Page("Save-ShortApiJobOutput")}({LineOf("Save-ShortApiJobOutput", "## PARAMETERS")}): error SAHELP004: -Force of Save-ShortApiJobOutput is not documented: add '### -Force' with its description under '## PARAMETERS'.");
        }

        [Fact]
        public void It_fails_when_a_documented_parameter_does_not_exist()
        {
            Edit("Get-ShortApiModel", text => text.Replace("## INPUTS", "### -Vendor\nFilters by vendor.\n\n## INPUTS", StringComparison.Ordinal));

            AssertFails($"{Page("Get-ShortApiModel")}({LineOf("Get-ShortApiModel", "### -Vendor")}): error SAHELP005: '### -Vendor' documents no parameter of Get-ShortApiModel (its parameters: -Name;");
        }

        [Fact]
        public void It_fails_when_a_cmdlet_has_fewer_than_two_examples()
        {
            Edit("Disconnect-ShortApi", text => Regex.Replace(text, @"### Example 2:.*?(?=## PARAMETERS)", string.Empty, RegexOptions.Singleline));

            AssertFails($"{Page("Disconnect-ShortApi")}({LineOf("Disconnect-ShortApi", "## EXAMPLES")}): error SAHELP003: Disconnect-ShortApi has 1 example(s); at least 2 are needed");
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

            AssertFails($"{Page("Get-ShortApiModel")}({LineOf("Get-ShortApiModel", "- [Remove-ShortApiJob]")}): error SAHELP011: 'Remove-ShortApiJob' does not link to a page of this help; write '- [Name](Name.md)'");
        }

        /// <summary>Runs the builder as the build does, with the dotnet that runs the tests, and checks what it says.</summary>
        private void AssertFails(string expected)
        {
            Assert.True(File.Exists(HelpPaths.HelpBuilder), $"The help builder was not built at {HelpPaths.HelpBuilder}.");
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
            var start = new ProcessStartInfo(dotnet, new[] { HelpPaths.HelpBuilder, "--assembly", ModuleAssembly.Location, "--docs", _docs, "--out", _temp.Combine("out") })
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd() + errors.Result;
            Assert.True(process.WaitForExit(120_000), "The help builder did not finish within two minutes.");

            Assert.Equal(1, process.ExitCode);
            Assert.Contains(expected, output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(_temp.Combine("out")), "help was written although the source has problems");
        }

        private string Page(string name) => Path.Combine(_docs, name + ".md");

        private void Edit(string page, Func<string, string> change)
        {
            string before = File.ReadAllText(Page(page)).Replace("\r\n", "\n", StringComparison.Ordinal);
            string after = change(before);
            Assert.NotEqual(before, after); // the edit must hit, or the test would pass for the wrong reason
            File.WriteAllText(Page(page), after);
        }

        /// <summary>The 1-based line of the page where <paramref name="text"/> first occurs.</summary>
        private int LineOf(string page, string text)
        {
            string content = File.ReadAllText(Page(page));
            int index = content.IndexOf(text, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{text}' is not in {page}.md");
            return content.Take(index).Count(c => c == '\n') + 1;
        }
    }
}
