using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Emulator.Tests.Agreement
{
    /// <summary>
    /// Every combination of each model's documented values, with each optional parameter also left
    /// out (so the page defaults are in play), plus a few values just off the page: a range's
    /// neighbours, an unlisted option, a wrong JSON type. Values are in wire form only: a spelling
    /// the client would correct (1080P, a number for a string duration) would make the raw body
    /// differ from what the client judged.
    /// </summary>
    internal static class ArgumentCases
    {
        public const string Poppy = "shortapi/poppy-v1.0/image-to-video";
        public const string Happyhorse = "alibaba/happyhorse-1.0/image-to-video";
        public const string Pixverse = "pixverse/pixverse-5.5/image-to-video";
        public const string Kling = "kwaivgi/kling-o1/image-to-video";
        public const string Vidu = "vidu/vidu-q3/image-to-video";

        /// <summary>Stands for "leave this parameter out".</summary>
        private static readonly object Omitted = new object();

        private const string Url = "https://img.example/a.png";

        public static IEnumerable<ArgumentCase> For(string model, string localImage)
        {
            switch (model)
            {
                case Poppy:
                    return Combine(model,
                        ("prompt", new[] { "a cat", Omitted }),
                        ("image", new[] { Url, localImage, Omitted }),
                        ("aspect_ratio", new[] { Omitted, "1:1", "3:2", "2:3", "16:9", "9:16", "4:3", "21:9", true }));
                case Happyhorse:
                    return Combine(model,
                        ("prompt", new[] { "a cat", Omitted, new string('a', 5001), new string('猫', 2501) }),
                        ("image", new[] { Url, localImage, Omitted }),
                        ("resolution", new[] { Omitted, "720P", "1080P", "4K" }),
                        ("duration", new[] { Omitted, 2L, 3L, 5L, 15L, 16L, "five" }));
                case Pixverse:
                    return Combine(model,
                        ("prompt", new object[] { "a cat" }),
                        ("image", new object[] { Url }),
                        ("resolution", new[] { Omitted, "540p", "720p", "1080p", "8K" }),
                        ("duration", new[] { Omitted, "5", "8", "10", "7", true }),
                        ("aspect_ratio", new[] { Omitted, "16:9", "9:16", "4:3", "3:4", "1:1", "2:3" }),
                        ("generate_audio", new[] { Omitted, true, false, "yes" }),
                        ("multi_shot", new[] { Omitted, true, false }));
                case Kling:
                    return Combine(model,
                        ("mode", new[] { "std", "pro", Omitted }),
                        ("action", new[] { "frame", "refer", Omitted }),
                        ("prompt", new object[] { "a cat" }),
                        ("duration", new[] { Omitted, "2", "3", "5", "7", "10", "11" }),
                        ("images", new[] { Omitted, Urls(0), Urls(1), new List<object?> { localImage }, Urls(2), Urls(3), Urls(7), Urls(8) }),
                        ("elements", new[] { Omitted, Elements(0), Elements(1), Elements(3), new List<object?> { new Dictionary<string, object?> { ["reference_image_urls"] = Urls(1) } } }),
                        ("aspect_ratio", new[] { Omitted, "16:9", "1:1", "4:3" }));
                case Vidu:
                    return Combine(model,
                        ("mode", new[] { "pro", "turbo", Omitted, "fast" }),
                        ("prompt", new[] { "a cat", Omitted }),
                        ("duration", new[] { Omitted, "0", "1", "5", "16", "17", true }),
                        ("image", new[] { Url, localImage, Omitted }),
                        ("resolution", new[] { Omitted, "540p", "720p", "1080p", "4k" }));
                default:
                    throw new System.ArgumentException("No cases for " + model, nameof(model));
            }
        }

        private static List<object?> Urls(int count) =>
            Enumerable.Range(0, count).Select(i => (object?)$"https://img.example/{i}.png").ToList();

        /// <summary>Elements with a frontal view, the first also seen from two other angles.</summary>
        private static List<object?> Elements(int count) =>
            Enumerable.Range(0, count).Select(i => (object?)new Dictionary<string, object?>
            {
                ["frontal_image_url"] = $"https://img.example/e{i}.png",
                ["reference_image_urls"] = i == 0 ? Urls(2) : new List<object?>(),
            }).ToList();

        private static IEnumerable<ArgumentCase> Combine(string model, params (string Name, object[] Values)[] parameters)
        {
            IEnumerable<List<KeyValuePair<string, object?>>> combinations = new[] { new List<KeyValuePair<string, object?>>() };
            foreach (var (name, values) in parameters)
            {
                combinations = combinations.SelectMany(args => values.Select(value => value == Omitted
                    ? args
                    : new List<KeyValuePair<string, object?>>(args) { new KeyValuePair<string, object?>(name, value) })).ToList();
            }

            return combinations.Select(args => new ArgumentCase(model, args));
        }
    }
}
