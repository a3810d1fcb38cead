namespace ShortApi.Images
{
    /// <summary>An image format, as recognised from a file's first bytes (never from its extension).</summary>
    public enum ImageFormat
    {
        Unknown,
        Png,
        Jpeg,
        Webp,
        Gif,
        Bmp,
    }
}
