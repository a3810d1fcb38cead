namespace ShortApi.HelpBuilder
{
    /// <summary>One thing wrong with the help source, at the file (and line) to fix, with a code a build log or a test can tell apart.</summary>
    public sealed record HelpProblem(string Code, string File, int? Line, string Message)
    {
        public const string Usage = "SAHELP000";
        public const string MissingPage = "SAHELP001";
        public const string TooFewExamples = "SAHELP003";
        public const string UndocumentedParameter = "SAHELP004";
        public const string UnknownParameter = "SAHELP005";
        public const string UnknownCommand = "SAHELP008";
        public const string AssemblyUnreadable = "SAHELP010";
        public const string BrokenLink = "SAHELP011";

        /// <summary>MSBuild's canonical error format, so the build shows it as an error at that place.</summary>
        public override string ToString() =>
            Line.HasValue ? $"{File}({Line.Value}): error {Code}: {Message}" : $"{File}: error {Code}: {Message}";
    }
}
