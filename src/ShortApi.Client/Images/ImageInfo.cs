namespace ShortApi.Images
{
    /// <summary>What the header of a local image says: its format, pixel size (0 when unreadable) and file length in bytes.</summary>
    public sealed record ImageInfo(ImageFormat Format, int Width, int Height, long Length)
    {
        public bool HasSize => Width > 0 && Height > 0;

        public override string ToString() => $"{ImageFormats.Name(Format)} {Width}x{Height}, {Length} bytes";
    }
}
