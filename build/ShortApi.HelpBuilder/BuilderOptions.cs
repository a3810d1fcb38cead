using System;
using System.Collections.Generic;
using System.IO;

namespace ShortApi.HelpBuilder
{
    /// <summary>The command line: which assembly to describe, where its markdown lives and where the help goes.</summary>
    /// <param name="AssemblyPath">The compiled module assembly whose cmdlets are documented.</param>
    /// <param name="DocsFolder">The folder of &lt;Cmdlet-Name&gt;.md and about_*.md files for one culture.</param>
    /// <param name="OutputFolder">Where the MAML file and the about topics are written (the module's culture folder).</param>
    public sealed record BuilderOptions(string AssemblyPath, string DocsFolder, string OutputFolder)
    {
        public const string Usage = "Usage: dotnet ShortApi.HelpBuilder.dll --assembly <ShortApi.PowerShell.dll> --docs <folder of markdown> --out <folder for help files>";

        public static BuilderOptions Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < args.Length; i += 2)
            {
                if (!(args[i] is "--assembly" or "--docs" or "--out"))
                {
                    throw new ArgumentException($"Unknown option {args[i]}.");
                }

                values[args[i]] = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            }

            if (values.Count != 3)
            {
                throw new ArgumentException("--assembly, --docs and --out are all required.");
            }

            if (!File.Exists(values["--assembly"]))
            {
                throw new ArgumentException($"The assembly {values["--assembly"]} does not exist; build the module first.");
            }

            if (!Directory.Exists(values["--docs"]))
            {
                throw new ArgumentException($"The help source folder {values["--docs"]} does not exist.");
            }

            return new BuilderOptions(Path.GetFullPath(values["--assembly"]), Path.GetFullPath(values["--docs"]), Path.GetFullPath(values["--out"]));
        }
    }
}
