namespace ShortApi.Jobs
{
    /// <summary>One saved output of a job.</summary>
    public sealed class DownloadedFile
    {
        public DownloadedFile(string path, string url, long length, bool alreadyPresent)
        {
            Path = path;
            Url = url;
            Length = length;
            AlreadyPresent = alreadyPresent;
        }

        /// <summary>The full path of the file.</summary>
        public string Path { get; }

        /// <summary>The URL it came from.</summary>
        public string Url { get; }

        public long Length { get; }

        /// <summary>True when the file was already there and was kept, not downloaded again.</summary>
        public bool AlreadyPresent { get; }
    }
}
