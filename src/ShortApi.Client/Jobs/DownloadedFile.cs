namespace ShortApi.Jobs
{
    /// <summary>
    /// One saved output of a job: the file's full path, the URL it came from, its length, and
    /// whether it was already there and kept rather than downloaded again.
    /// </summary>
    public sealed record DownloadedFile(string Path, string Url, long Length, bool AlreadyPresent);
}
