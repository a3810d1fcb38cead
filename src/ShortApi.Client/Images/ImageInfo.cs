namespace ShortApi.Images
{
    /// <summary>What the header of a local image says: its format, pixel size and file length.</summary>
    public sealed class ImageInfo
    {
        public ImageInfo(ImageFormat format, int width, int height, long length)
        {
            Format = format;
            Width = width;
            Height = height;
            Length = length;
        }

        public ImageFormat Format { get; }

        /// <summary>Width in pixels; 0 when the header could not be read.</summary>
        public int Width { get; }

        public int Height { get; }

        /// <summary>File size in bytes.</summary>
        public long Length { get; }

        public bool HasSize => Width > 0 && Height > 0;

        public override string ToString() => $"{ImageFormats.Name(Format)} {Width}x{Height}, {Length} bytes";
    }
}
