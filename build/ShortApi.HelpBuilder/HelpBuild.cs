using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ShortApi.HelpBuilder.Markdown;
using ShortApi.HelpBuilder.Metadata;
using ShortApi.HelpBuilder.Output;
using ShortApi.HelpBuilder.Validation;

namespace ShortApi.HelpBuilder
{
    /// <summary>
    /// One run: read the cmdlets from the assembly and the markdown beside them, check they agree,
    /// and only when nothing is wrong write the MAML file and the about topics.
    /// </summary>
    public sealed class HelpBuild
    {
        private const string AboutPrefix = "about_";

        private readonly BuilderOptions _options;
        private readonly List<HelpProblem> _problems = new List<HelpProblem>();

        public HelpBuild(BuilderOptions options)
        {
            _options = options;
        }

        public HelpBuildResult Run()
        {
            var cmdlets = ReadCmdlets();
            var commands = ReadCommandHelp(cmdlets);
            var topics = ReadAboutTopics();
            if (_problems.Count > 0)
            {
                return new HelpBuildResult(_problems, 0, 0);
            }

            Directory.CreateDirectory(_options.OutputFolder);
            MamlWriter.Write(Path.Combine(_options.OutputFolder, Path.GetFileName(_options.AssemblyPath) + "-Help.xml"), commands);
            foreach (var topic in topics)
            {
                AboutTopicWriter.Write(Path.Combine(_options.OutputFolder, topic.Name + ".help.txt"), topic);
            }

            return new HelpBuildResult(_problems, commands.Count, topics.Count);
        }

        private IReadOnlyList<CmdletMetadata> ReadCmdlets()
        {
            try
            {
                var cmdlets = CmdletMetadataReader.Read(_options.AssemblyPath);
                if (cmdlets.Count == 0)
                {
                    Report(HelpProblemCodes.AssemblyUnreadable, _options.AssemblyPath, "the assembly has no public cmdlet classes.");
                }

                return cmdlets;
            }
            catch (Exception ex) when (ex is ReflectionTypeLoadException || ex is FileLoadException || ex is FileNotFoundException || ex is BadImageFormatException)
            {
                Report(HelpProblemCodes.AssemblyUnreadable, _options.AssemblyPath, $"the cmdlets cannot be read: {ex.Message}");
                return Array.Empty<CmdletMetadata>();
            }
        }

        private List<CommandHelp> ReadCommandHelp(IReadOnlyList<CmdletMetadata> cmdlets)
        {
            var reader = new CommandPageReader(_problems);
            var validator = new HelpCoverageValidator(_problems);
            var links = new RelatedLinkValidator(_problems, MarkdownFiles().Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList());
            var commands = new List<CommandHelp>();
            foreach (var cmdlet in cmdlets)
            {
                string path = Path.Combine(_options.DocsFolder, cmdlet.Name + ".md");
                if (!File.Exists(path))
                {
                    Report(HelpProblemCodes.MissingCommandHelp, path, $"{cmdlet.Name} has no help: write {cmdlet.Name}.md (see docs/help/README.md for the layout).");
                    continue;
                }

                var doc = reader.Read(path);
                validator.Validate(cmdlet, doc);
                links.Validate(doc);
                commands.Add(new CommandHelp(cmdlet, doc));
            }

            // A page for a cmdlet that is gone (renamed, removed) would otherwise linger unnoticed.
            foreach (string path in MarkdownFiles().Where(p => !IsAboutTopic(p)))
            {
                string name = Path.GetFileNameWithoutExtension(path);
                if (!cmdlets.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal)))
                {
                    Report(HelpProblemCodes.UnknownCommand, path, $"the module has no cmdlet named {name}; rename or delete this page.");
                }
            }

            return commands;
        }

        private List<AboutTopicDocument> ReadAboutTopics()
        {
            var reader = new AboutTopicReader(_problems);
            return MarkdownFiles().Where(IsAboutTopic).Select(reader.Read).ToList();
        }

        private IEnumerable<string> MarkdownFiles() =>
            Directory.EnumerateFiles(_options.DocsFolder, "*.md").OrderBy(p => p, StringComparer.Ordinal);

        private static bool IsAboutTopic(string path) =>
            Path.GetFileName(path).StartsWith(AboutPrefix, StringComparison.OrdinalIgnoreCase);

        private void Report(string code, string path, string message) => _problems.Add(new HelpProblem(code, path, null, message));
    }
}
