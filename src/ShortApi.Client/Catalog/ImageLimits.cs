using System.Collections.Generic;
using ShortApi.Images;

namespace ShortApi.Catalog
{
    /// <summary>What a model accepts as an image, checked before upload wherever the image is a local file.</summary>
    public sealed class ImageLimits
    {
        /// <summary>The formats every model accepts when no page says otherwise.</summary>
        public static readonly IReadOnlyList<ImageFormat> CommonFormats = new[] { ImageFormat.Png, ImageFormat.Jpeg, ImageFormat.Webp };

        /// <summary>Limits that check only the format.</summary>
        public static readonly ImageLimits FormatOnly = new ImageLimits(CommonFormats, null, null, null, null, null);

        public ImageLimits(
            IReadOnlyList<ImageFormat> formats,
            int? minWidth,
            int? minHeight,
            double? minAspectRatio,
            double? maxAspectRatio,
            long? maxBytes)
        {
            Formats = formats;
            MinWidth = minWidth;
            MinHeight = minHeight;
            MinAspectRatio = minAspectRatio;
            MaxAspectRatio = maxAspectRatio;
            MaxBytes = maxBytes;
        }

        public IReadOnlyList<ImageFormat> Formats { get; }

        public int? MinWidth { get; }

        public int? MinHeight { get; }

        /// <summary>Smallest width/height allowed (0.4 is 1:2.5).</summary>
        public double? MinAspectRatio { get; }

        /// <summary>Largest width/height allowed (2.5 is 2.5:1).</summary>
        public double? MaxAspectRatio { get; }

        public long? MaxBytes { get; }

        /// <summary>The limits as a person reads them: "PNG, JPEG, WEBP, at least 300x300 pixels, ...".</summary>
        public override string ToString() => Validation.ImageChecker.Describe(this);
    }
}
