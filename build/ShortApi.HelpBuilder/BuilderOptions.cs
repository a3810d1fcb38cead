using System;
using System.IO;

namespace ShortApi.HelpBuilder
{
    /// <summary>The command line: which assembly to describe, where its markdown lives and where the help goes.</summary>
    public sealed class BuilderOptions
    {
        public const string Usage = "Usage: dotnet ShortApi.HelpBuilder.dll --assembly <ShortApi.PowerShell.dll> --docs <folder of markdown> --out <folder for help files>";

        private BuilderOptions(string assemblyPath, string docsFolder, string outputFolder)
        {
            AssemblyPath = assemblyPath;
            DocsFolder = docsFolder;
            OutputFolder = outputFolder;
        }

        /// <summary>The compiled module assembly whose cmdlets are documented.</summary>
        public string AssemblyPath { get; }

        /// <summary>The folder of &lt;Cmdlet-Name&gt;.md and about_*.md files for one culture.</summary>
        public string DocsFolder { get; }

        /// <summary>Where the MAML file and the about topics are written (the module's culture folder).</summary>
        public string OutputFolder { get; }

        public static BuilderOptions Parse(string[] args)
        {
            string? assembly = null;
            string? docs = null;
            string? output = null;
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{name} needs a value.");
                }

                string value = args[++i];
                switch (name)
                {
                    case "--assembly":
                        assembly = value;
                        break;
                    case "--docs":
                        docs = value;
                        break;
                    case "--out":
                        output = value;
                        break;
                    default:
                        throw new ArgumentException($"Unknown option {name}.");
                }
            }

            if (assembly == null || docs == null || output == null)
            {
                throw new ArgumentException("--assembly, --docs and --out are all required.");
            }

            if (!File.Exists(assembly))
            {
                throw new ArgumentException($"The assembly {assembly} does not exist; build the module first.");
            }

            if (!Directory.Exists(docs))
            {
                throw new ArgumentException($"The help source folder {docs} does not exist.");
            }

            return new BuilderOptions(Path.GetFullPath(assembly), Path.GetFullPath(docs), Path.GetFullPath(output));
        }
    }
}
