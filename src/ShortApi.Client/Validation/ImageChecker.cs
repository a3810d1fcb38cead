using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Errors;
using ShortApi.Images;

namespace ShortApi.Validation
{
    /// <summary>
    /// Checks local images before upload: the file exists, its bytes are PNG, JPEG or WEBP, and its
    /// size and shape fit the model's page. URLs are left to the service, which fetches them.
    /// </summary>
    internal static class ImageChecker
    {
        /// <summary>Every local image in a value of this parameter (an image, a list of them, or objects holding them).</summary>
        public static void CheckAll(string model, ParameterDefinition parameter, object? value, string path, ImageLimits general, List<ValidationIssue> issues)
        {
            switch (parameter.Type)
            {
                case ParameterType.Image:
                case ParameterType.ImageUrl:
                    if (value is ImageInput image && image.IsLocalFile)
                    {
                        Check(model, path, image, parameter.Limits ?? general, issues);
                    }

                    break;
                case ParameterType.List when parameter.Items != null && value is IEnumerable items:
                    int i = 0;
                    foreach (var item in items)
                    {
                        CheckAll(model, parameter.Items, item, $"{path}[{i++}]", general, issues);
                    }

                    break;
                case ParameterType.Object when value is IDictionary<string, object?> members:
                    foreach (var property in parameter.Properties)
                    {
                        if (members.TryGetValue(property.Name, out var member))
                        {
                            CheckAll(model, property, member, $"{path}.{property.Name}", general, issues);
                        }
                    }

                    break;
            }
        }

        /// <summary>For values the catalog does not describe: any local image must still be an image any model takes.</summary>
        public static void CheckUntyped(string model, object? value, string path, ImageLimits general, List<ValidationIssue> issues)
        {
            switch (value)
            {
                case ImageInput image when image.IsLocalFile:
                    Check(model, path, image, general, issues);
                    break;
                case IDictionary<string, object?> members:
                    foreach (var pair in members)
                    {
                        CheckUntyped(model, pair.Value, $"{path}.{pair.Key}", general, issues);
                    }

                    break;
                case IEnumerable items when !(value is string):
                    int i = 0;
                    foreach (var item in items)
                    {
                        CheckUntyped(model, item, $"{path}[{i++}]", general, issues);
                    }

                    break;
            }
        }

        public static void Check(string model, string path, ImageInput image, ImageLimits limits, List<ValidationIssue> issues)
        {
            ImageInfo info;
            try
            {
                info = image.Inspect();
            }
            catch (ShortApiException ex)
            {
                issues.Add(new ValidationIssue(model, path, Quote(image), ex.Message.TrimEnd('.'), reason: ex.Reason));
                return;
            }

            var problems = new List<string>();
            if (!limits.Formats.Contains(info.Format))
            {
                string found = info.Format == ImageFormat.Unknown ? "is not an image this client recognises" : "is a " + ImageFormats.Name(info.Format) + " image";
                problems.Add(found + " (checked by its content, not its name)");
                Report(model, path, image, problems, limits, issues);
                return;
            }

            if (limits.MaxBytes.HasValue && info.Length > limits.MaxBytes.Value)
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, "is {0} bytes, more than the {1} allowed", info.Length, limits.MaxBytes.Value));
            }

            if (limits.NeedsSize && !info.SizeRead)
            {
                problems.Add("is cut short or damaged: its header gives no pixel size");
            }
            else if (limits.NeedsSize)
            {
                if ((limits.MinWidth.HasValue && info.Width < limits.MinWidth.Value) || (limits.MinHeight.HasValue && info.Height < limits.MinHeight.Value))
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "is {0}x{1} pixels, smaller than {2}x{3}", info.Width, info.Height, limits.MinWidth ?? 0, limits.MinHeight ?? 0));
                }
                else if ((limits.MaxWidth.HasValue && info.Width > limits.MaxWidth.Value) || (limits.MaxHeight.HasValue && info.Height > limits.MaxHeight.Value))
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "is {0}x{1} pixels, larger than {2}x{3}", info.Width, info.Height, limits.MaxWidth ?? int.MaxValue, limits.MaxHeight ?? int.MaxValue));
                }

                double ratio = info.Height == 0 ? 0 : (double)info.Width / info.Height;
                if (info.HasSize &&
                    ((limits.MinAspectRatio.HasValue && ratio < limits.MinAspectRatio.Value - 1e-9) ||
                     (limits.MaxAspectRatio.HasValue && ratio > limits.MaxAspectRatio.Value + 1e-9)))
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "has an aspect ratio of {0:0.###} ({1}x{2}), outside {3}", ratio, info.Width, info.Height, DescribeRatio(limits)));
                }
            }

            Report(model, path, image, problems, limits, issues);
        }

        private static void Report(string model, string path, ImageInput image, List<string> problems, ImageLimits limits, List<ValidationIssue> issues)
        {
            if (problems.Count > 0)
            {
                issues.Add(new ValidationIssue(model, path, Quote(image), string.Join("; ", problems), allowed: Describe(limits), reason: ShortApiErrorReason.ImageRejected));
            }
        }

        private static string Quote(ImageInput image) => "'" + image.Original + "'";

        /// <summary>"PNG, JPEG or WEBP, at least 300x300 px, aspect 1:2.5 to 2.5:1, at most 10 MB".</summary>
        public static string Describe(ImageLimits limits)
        {
            var parts = new List<string> { string.Join(", ", limits.Formats.Select(ImageFormats.Name)) };
            if (limits.MinWidth.HasValue || limits.MinHeight.HasValue)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, "at least {0}x{1} pixels", limits.MinWidth ?? 0, limits.MinHeight ?? 0));
            }

            if (limits.MaxWidth.HasValue || limits.MaxHeight.HasValue)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, "at most {0}x{1} pixels", limits.MaxWidth ?? int.MaxValue, limits.MaxHeight ?? int.MaxValue));
            }

            if (limits.MinAspectRatio.HasValue || limits.MaxAspectRatio.HasValue)
            {
                parts.Add("aspect ratio " + DescribeRatio(limits));
            }

            if (limits.MaxBytes.HasValue)
            {
                parts.Add(limits.MaxBytes.Value % (1024 * 1024) == 0
                    ? string.Format(CultureInfo.InvariantCulture, "at most {0} MB", limits.MaxBytes.Value / (1024 * 1024))
                    : string.Format(CultureInfo.InvariantCulture, "at most {0} bytes", limits.MaxBytes.Value));
            }

            return string.Join(", ", parts);
        }

        private static string DescribeRatio(ImageLimits limits)
        {
            string low = limits.MinAspectRatio.HasValue ? Ratio(limits.MinAspectRatio.Value) : "any";
            string high = limits.MaxAspectRatio.HasValue ? Ratio(limits.MaxAspectRatio.Value) : "any";
            return low + " to " + high;
        }

        private static string Ratio(double value) =>
            value >= 1
                ? string.Format(CultureInfo.InvariantCulture, "{0:0.##}:1", value)
                : string.Format(CultureInfo.InvariantCulture, "1:{0:0.##}", 1 / value);
    }
}
