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
    }
}
