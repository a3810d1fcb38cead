using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ShortApi.HelpBuilder.Markdown;
using ShortApi.HelpBuilder.Metadata;
using ShortApi.HelpBuilder.Output;

namespace ShortApi.HelpBuilder
{
    /// <summary>
    /// One run: read the cmdlets from the assembly and the markdown beside them, check they agree,
    /// and only when nothing is wrong write the MAML file and the about topics.
    /// </summary>
    public static class HelpBuild
    {
        public static IReadOnlyList<HelpProblem> Run(string assemblyPath, string docsFolder, string outputFolder)
        {
            IReadOnlyList<CmdletMetadata> cmdlets;
            try
            {
                cmdlets = CmdletMetadataReader.Read(assemblyPath);
            }
            catch (Exception ex) when (ex is ReflectionTypeLoadException or FileLoadException or FileNotFoundException or BadImageFormatException)
            {
                return new[] { new HelpProblem(HelpProblem.AssemblyUnreadable, assemblyPath, null, $"the cmdlets cannot be read: {ex.Message}") };
            }

            var pages = Directory.EnumerateFiles(docsFolder, "*.md").OrderBy(p => p, StringComparer.Ordinal).Select(HelpPageReader.Read).ToList();
            var problems = HelpRules.Check(cmdlets, pages, docsFolder);
            if (problems.Count > 0)
            {
                return problems;
            }

            Directory.CreateDirectory(outputFolder);
            MamlWriter.Write(
                Path.Combine(outputFolder, Path.GetFileName(assemblyPath) + "-Help.xml"),
                cmdlets.Select(c => (c, new CommandPage(pages.Single(p => p.Name == c.Name)))));
            foreach (var topic in pages.Where(p => p.IsAboutTopic))
            {
                AboutTopicWriter.Write(Path.Combine(outputFolder, topic.Name + ".help.txt"), topic);
            }

            return problems;
        }
    }
}
