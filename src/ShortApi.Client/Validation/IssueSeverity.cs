namespace ShortApi.Validation
{
    public enum IssueSeverity
    {
        /// <summary>The request would be refused or is wrong: nothing is sent.</summary>
        Error,
        /// <summary>The request goes out, but the user should know (the API will cut or ignore something).</summary>
        Warning,
    }
}
