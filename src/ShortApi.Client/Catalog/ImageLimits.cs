using System.Collections.Generic;
using ShortApi.Images;

namespace ShortApi.Catalog
{
    /// <summary>
    /// What a model accepts as an image, checked before upload wherever the image is a local file.
    /// A model page's own limits stand over the catalog's general ones (its top-level
    /// <c>imageLimits</c>), which say what no model takes at all.
    /// </summary>
    public sealed record ImageLimits(
        IReadOnlyList<ImageFormat> Formats,
        int? MinWidth,
        int? MinHeight,
        double? MinAspectRatio,
        double? MaxAspectRatio,
        long? MaxBytes,
        int? MaxWidth = null,
        int? MaxHeight = null)
    {
        /// <summary>The formats every model accepts when no page says otherwise.</summary>
        public static readonly IReadOnlyList<ImageFormat> CommonFormats = new[] { ImageFormat.Png, ImageFormat.Jpeg, ImageFormat.Webp };

        /// <summary>Limits that check only the format: what applies when a catalog states none.</summary>
        public static readonly ImageLimits FormatOnly = new ImageLimits(CommonFormats, null, null, null, null, null);

        /// <summary>True when a pixel size must be read from the header to check these limits.</summary>
        public bool NeedsSize => MinWidth.HasValue || MinHeight.HasValue || MaxWidth.HasValue || MaxHeight.HasValue || MinAspectRatio.HasValue || MaxAspectRatio.HasValue;

        /// <summary>These limits, with anything they leave open taken from <paramref name="general"/>.</summary>
        public ImageLimits Over(ImageLimits general) => new ImageLimits(
            Formats,
            MinWidth ?? general.MinWidth,
            MinHeight ?? general.MinHeight,
            MinAspectRatio ?? general.MinAspectRatio,
            MaxAspectRatio ?? general.MaxAspectRatio,
            MaxBytes ?? general.MaxBytes,
            MaxWidth ?? general.MaxWidth,
            MaxHeight ?? general.MaxHeight);

        /// <summary>The limits as a person reads them: "PNG, JPEG, WEBP, at least 300x300 pixels, ...".</summary>
        public override string ToString() => Validation.ImageChecker.Describe(this);
    }
}
