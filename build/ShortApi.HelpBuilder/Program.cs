using System;
using System.Collections.Generic;
using System.IO;

namespace ShortApi.HelpBuilder
{
    /// <summary>
    /// Entry point: dotnet ShortApi.HelpBuilder.dll --assembly &lt;module dll&gt; --docs &lt;markdown folder&gt; --out &lt;help folder&gt;.
    /// Problems are printed in MSBuild's "file(line): error CODE: text" form, so the build lists them
    /// as errors that point at the markdown line; the exit code is 1 when there are any.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                options[args[i]] = Path.GetFullPath(args[i + 1]);
            }

            if (args.Length != 6 || !options.TryGetValue("--assembly", out var assembly) || !options.TryGetValue("--docs", out var docs) || !options.TryGetValue("--out", out var output) || !Directory.Exists(docs))
            {
                Console.Error.WriteLine($"ShortApi.HelpBuilder: error {HelpProblem.Usage}: --assembly, --docs and --out each take one value, and the --docs folder must exist.");
                Console.Error.WriteLine("Usage: dotnet ShortApi.HelpBuilder.dll --assembly <ShortApi.PowerShell.dll> --docs <folder of markdown> --out <folder for help files>");
                return 2;
            }

            var problems = HelpBuild.Run(assembly, docs, output);
            foreach (var problem in problems)
            {
                // Standard output: MSBuild's Exec task reads canonical errors from it.
                Console.WriteLine(problem);
            }

            // Not in the error format: each problem above is already an error of its own.
            Console.WriteLine(problems.Count > 0
                ? $"ShortApi.HelpBuilder: the help has {problems.Count} problem(s); nothing was written to {output}."
                : $"ShortApi.HelpBuilder: help written to {output}");
            return problems.Count > 0 ? 1 : 0;
        }
    }
}
