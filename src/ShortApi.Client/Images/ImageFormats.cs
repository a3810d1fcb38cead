namespace ShortApi.Images
{
    /// <summary>Names of image formats as catalogs and messages write them.</summary>
    public static class ImageFormats
    {
        public static bool TryParse(string name, out ImageFormat format)
        {
            switch ((name ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "png": format = ImageFormat.Png; return true;
                case "jpg":
                case "jpeg": format = ImageFormat.Jpeg; return true;
                case "webp": format = ImageFormat.Webp; return true;
                default: format = ImageFormat.Unknown; return false;
            }
        }

        public static string Name(ImageFormat format) => format == ImageFormat.Unknown ? "unknown" : format.ToString().ToUpperInvariant();

        /// <summary>The MIME type, for naming what was uploaded.</summary>
        public static string MediaType(ImageFormat format)
        {
            switch (format)
            {
                case ImageFormat.Png: return "image/png";
                case ImageFormat.Jpeg: return "image/jpeg";
                case ImageFormat.Webp: return "image/webp";
                case ImageFormat.Gif: return "image/gif";
                case ImageFormat.Bmp: return "image/bmp";
                default: return "application/octet-stream";
            }
        }
    }
}
