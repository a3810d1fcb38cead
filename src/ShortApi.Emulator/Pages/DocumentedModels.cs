using System;
using System.Collections.Generic;
using System.Linq;
using static ShortApi.Emulator.Pages.PageParameter;

namespace ShortApi.Emulator.Pages
{
    /// <summary>
    /// The five models as their pages in shared/seeds document them, transcribed here on their own
    /// rather than read from the client's catalog: the emulator stands in for the service, so it
    /// judges requests by the pages, and the client's catalog is what it checks.
    /// </summary>
    internal static class DocumentedModels
    {
        public static readonly IReadOnlyList<PageModel> All = new[]
        {
            // 000. The image: "Base64 encoding or a publicly accessible image URL", no data: prefix.
            new PageModel(
                "shortapi/poppy-v1.0/image-to-video",
                new[]
                {
                    Text("prompt").Required(),
                    Image("image").Required(),
                    Choice("aspect_ratio", "16:9", "1:1", "3:2", "2:3", "16:9", "9:16", "4:3"),
                }),

            // 001. The image is a "First frame URL". A prompt past 5,000 characters "will be
            // automatically truncated", so length is never a reason to refuse.
            new PageModel(
                "alibaba/happyhorse-1.0/image-to-video",
                new[]
                {
                    Text("prompt").Required(),
                    ImageUrl("image").Required(),
                    Choice("resolution", "1080P", "720P", "1080P"),
                    Integer("duration", 5, 3, 15),
                }),

            // 002. duration is a string here, with options rather than a range.
            new PageModel(
                "pixverse/pixverse-5.5/image-to-video",
                new[]
                {
                    Text("prompt").Required(),
                    Image("image").Required(),
                    Choice("resolution", "720p", "540p", "720p", "1080p"),
                    Choice("duration", "5", "5", "8", "10"),
                    Choice("aspect_ratio", "16:9", "16:9", "9:16", "4:3", "3:4", "1:1"),
                    Flag("generate_audio", false),
                    Flag("multi_shot", false),
                },
                new PageRule("1080p not supported for 10s", a => a.Is("resolution", "1080p") && a.Is("duration", "10"))),

            // 003. "For 'frame', only the first and last frames are applied (only the first two
            // values take effect)": images past the second are ignored, not refused, so that is no
            // rule here. Elements count one each toward the 7, as the page counts "elements".
            new PageModel(
                "kwaivgi/kling-o1/image-to-video",
                new[]
                {
                    Choice("mode", "pro", "std", "pro").Required(),
                    Choice("action", "frame", "frame", "refer").Required(),
                    Text("prompt").Required(),
                    WholeNumberText("duration", "5", 3, 10),
                    List("images", Image("image")).Required(),
                    List("elements", Object("element", ImageUrl("frontal_image_url").Required(), List("reference_image_urls", ImageUrl("url")))),
                    Choice("aspect_ratio", "16:9", "16:9", "9:16", "1:1"),
                },
                new PageRule(
                    "The number of images in images + elements must not exceed 7",
                    a => a.CountOf("images") + a.CountOf("elements") > 7),
                new PageRule(
                    "Action is 'frame' and images just have one frame, duration should be 5 or 10",
                    a => a.Is("action", "frame") && a.CountOf("images") == 1 && !a.Is("duration", "5") && !a.Is("duration", "10")),
                new PageRule(
                    "aspect_ratio is only valid for 'refer' action",
                    a => a.IsGiven("aspect_ratio") && !a.Is("action", "refer"))),

            // 004. duration is a string with a range.
            new PageModel(
                "vidu/vidu-q3/image-to-video",
                new[]
                {
                    Choice("mode", "pro", "pro", "turbo").Required(),
                    Text("prompt").Required(),
                    WholeNumberText("duration", "5", 1, 16),
                    Image("image").Required(),
                    Choice("resolution", "720p", "540p", "720p", "1080p"),
                }),
        };

        /// <summary>The page for a model id, spelled exactly; null for a model no page describes.</summary>
        public static PageModel? Find(string id) => All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));
    }
}
