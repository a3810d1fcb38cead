using System;
using System.IO;
using System.Text.RegularExpressions;
using ShortApi.TestSupport;
using Xunit;
using static ShortApi.PowerShell.Tests.Metadata.CmdletMetadata;

namespace ShortApi.PowerShell.Tests.Help
{
    /// <summary>
    /// The help builder run as the build runs it, on a copy of the help source: it writes the help
    /// when everything is documented, and fails, naming the problem, when something is not.
    /// </summary>
    public class HelpBuilderTests
    {
        [Fact]
        public void It_writes_the_maml_file_and_the_about_topic_when_every_cmdlet_is_documented()
        {
            using var temp = new TempDirectory();
            string docs = CopyDocs(temp);

            var (exitCode, output) = HelpBuilderProcess.Run(ModuleAssembly.Location, docs, temp.Combine("out"));

            Assert.True(exitCode == 0, output);
            Assert.True(File.Exists(temp.Combine("out", "ShortApi.PowerShell.dll-Help.xml")));
            Assert.True(File.Exists(temp.Combine("out", "about_ShortApi.help.txt")));
        }

        [Fact]
        public void It_fails_when_a_cmdlet_has_no_page()
        {
            using var temp = new TempDirectory();
            string docs = CopyDocs(temp);
            File.Delete(Path.Combine(docs, "Stop-ShortApiEmulator.md"));

            AssertFails(temp, docs, "SAHELP001", "Stop-ShortApiEmulator has no help");
        }

        [Fact]
        public void It_fails_when_a_parameter_is_not_documented()
        {
            using var temp = new TempDirectory();
            string docs = CopyDocs(temp);
            Edit(docs, "Save-ShortApiJobOutput", text => Regex.Replace(text, @"### -Force\n.*?\n(?=### )", string.Empty, RegexOptions.Singleline));

            AssertFails(temp, docs, "SAHELP004", "-Force of Save-ShortApiJobOutput is not documented");
        }

        [Fact]
        public void It_fails_when_a_documented_parameter_does_not_exist()
        {
            using var temp = new TempDirectory();
            string docs = CopyDocs(temp);
            Edit(docs, "Get-ShortApiModel", text => text.Replace("## INPUTS", "### -Vendor\nFilters by vendor.\n\n## INPUTS", StringComparison.Ordinal));

            AssertFails(temp, docs, "SAHELP005", "-Vendor is documented, but Get-ShortApiModel has no such parameter");
        }

        [Fact]
        public void It_fails_when_a_cmdlet_has_fewer_than_two_examples()
        {
            using var temp = new TempDirectory();
            string docs = CopyDocs(temp);
            Edit(docs, "Disconnect-ShortApi", text => Regex.Replace(text, @"### Example 2:.*?(?=## PARAMETERS)", string.Empty, RegexOptions.Singleline));

            AssertFails(temp, docs, "SAHELP003", "Disconnect-ShortApi has 1 example(s)");
        }

        [Fact]
        public void It_fails_when_an_output_type_is_not_the_one_the_cmdlet_declares()
        {
            using var temp = new TempDirectory();
            string docs = CopyDocs(temp);
            Edit(docs, "Save-ShortApiJobOutput", text => text.Replace("### System.IO.FileInfo", "### System.String", StringComparison.Ordinal));

            AssertFails(temp, docs, "SAHELP007", "'### System.String' is not a type");
        }

        private static void AssertFails(TempDirectory temp, string docs, string code, string message)
        {
            var (exitCode, output) = HelpBuilderProcess.Run(ModuleAssembly.Location, docs, temp.Combine("out"));

            Assert.Equal(1, exitCode);
            Assert.Contains($"error {code}: ", output, StringComparison.Ordinal);
            Assert.Contains(message, output, StringComparison.Ordinal);
            Assert.False(File.Exists(temp.Combine("out", "ShortApi.PowerShell.dll-Help.xml")), "help was written although the source has problems");
        }

        private static string CopyDocs(TempDirectory temp)
        {
            string docs = temp.Combine("docs");
            Directory.CreateDirectory(docs);
            foreach (string file in Directory.GetFiles(HelpPaths.Docs, "*.md"))
            {
                File.Copy(file, Path.Combine(docs, Path.GetFileName(file)));
            }

            return docs;
        }

        private static void Edit(string docs, string cmdlet, Func<string, string> change)
        {
            string path = Path.Combine(docs, cmdlet + ".md");
            string before = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            string after = change(before);
            Assert.NotEqual(before, after); // the edit must hit, or the test would pass for the wrong reason
            File.WriteAllText(path, after);
        }
    }
}
