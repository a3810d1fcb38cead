namespace ShortApi.HelpBuilder.Validation
{
    /// <summary>One thing wrong with the help source, pointing at the file (and line) to fix.</summary>
    public sealed record HelpProblem(string Code, string File, int? Line, string Message)
    {
        /// <summary>MSBuild's canonical error format, so the build shows it as an error at that place.</summary>
        public override string ToString() =>
            Line.HasValue ? $"{File}({Line.Value}): error {Code}: {Message}" : $"{File}: error {Code}: {Message}";
    }
}
