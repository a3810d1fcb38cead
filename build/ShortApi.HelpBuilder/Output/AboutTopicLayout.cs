namespace ShortApi.HelpBuilder.Output
{
    /// <summary>The shape of an about_*.help.txt file: 80 columns, section text indented four spaces.</summary>
    public static class AboutTopicLayout
    {
        public const int Width = 80;
        public const int Indent = 4;
    }
}
