namespace ShortApi.HelpBuilder.Validation
{
    /// <summary>Stable codes for each kind of help problem, so a build log (or a test) can tell them apart.</summary>
    public static class HelpProblemCodes
    {
        public const string Usage = "SAHELP000";
        public const string MissingCommandHelp = "SAHELP001";
        public const string MissingSection = "SAHELP002";
        public const string TooFewExamples = "SAHELP003";
        public const string UndocumentedParameter = "SAHELP004";
        public const string UnknownParameter = "SAHELP005";
        public const string UndocumentedType = "SAHELP006";
        public const string UnknownType = "SAHELP007";
        public const string UnknownCommand = "SAHELP008";
        public const string Malformed = "SAHELP009";
        public const string AssemblyUnreadable = "SAHELP010";
        public const string BrokenLink = "SAHELP011";
    }
}
