namespace ShortApi.Images
{
    /// <summary>
    /// What the header of a local image says: its format, pixel size and file length in bytes.
    /// <see cref="SizeRead"/> is false when the header is cut short or damaged, so no size could be read.
    /// </summary>
    public sealed record ImageInfo(ImageFormat Format, int Width, int Height, long Length, bool SizeRead = true)
    {
        public bool HasSize => SizeRead && Width > 0 && Height > 0;

        public override string ToString() => $"{ImageFormats.Name(Format)} {Width}x{Height}, {Length} bytes";
    }
}
