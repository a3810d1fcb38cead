using System;
using ShortApi.HelpBuilder.Validation;

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
            BuilderOptions options;
            try
            {
                options = BuilderOptions.Parse(args);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"ShortApi.HelpBuilder: error {HelpProblemCodes.Usage}: {ex.Message}");
                Console.Error.WriteLine(BuilderOptions.Usage);
                return 2;
            }

            var result = new HelpBuild(options).Run();
            foreach (var problem in result.Problems)
            {
                // Standard output: MSBuild's Exec task reads canonical errors from it.
                Console.WriteLine(problem.ToString());
            }

            if (result.Problems.Count > 0)
            {
                // Not in the error format: each problem above is already an error of its own.
                Console.WriteLine($"ShortApi.HelpBuilder: the help has {result.Problems.Count} problem(s); nothing was written to {options.OutputFolder}.");
                return 1;
            }

            Console.WriteLine($"ShortApi.HelpBuilder: help for {result.CommandCount} cmdlet(s) and {result.AboutTopicCount} about topic(s) written to {options.OutputFolder}");
            return 0;
        }
    }
}
