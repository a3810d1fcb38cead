using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog;

namespace ShortApi.Jobs.Lengths
{
    /// <summary>
    /// Which jobs should take alike: the model and the settings that can change how long a job
    /// runs (duration, resolution, mode...). What a job shows or is made from (its prompt, its
    /// images, a seed) says what to draw, not how long drawing takes, so it is left out.
    /// </summary>
    internal static class LengthKey
    {
        /// <summary>Arguments that never change a job's length.</summary>
        private static readonly string[] IgnoredNames = { "prompt", "negative_prompt", "seed", "callback_url" };

        /// <summary>Settings are short words and numbers; a longer text is free text, not a setting.</summary>
        private const int LongestSetting = 40;

        /// <summary>The key of <paramref name="job"/>, or null when its model is unknown (a job known only by its id).</summary>
        public static string? Of(VideoJob job)
        {
            if (string.IsNullOrEmpty(job.Model))
            {
                return null;
            }

            var settings = job.Arguments
                .Where(IsSetting)
                .Select(p => p.Key.ToLowerInvariant() + "=" + WireValue.Format(p.Value))
                .OrderBy(s => s, StringComparer.Ordinal);
            return job.Model + "|" + string.Join("|", settings);
        }

        private static bool IsSetting(KeyValuePair<string, object?> pair)
        {
            if (IgnoredNames.Contains(pair.Key, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            switch (pair.Value)
            {
                case string text:
                    // An image is a URL or a local file shown by its path: an input, not a setting.
                    return text.Length <= LongestSetting
                        && !text.StartsWith(PreparedJob.LocalImageMarkerStart, StringComparison.Ordinal)
                        && text.IndexOf("://", StringComparison.Ordinal) < 0;
                case bool _:
                    return true;
                default:
                    // Lists and objects hold images and elements; numbers are settings.
                    return WireValue.IsNumber(pair.Value);
            }
        }
    }
}
