using System.IO;
using ShortApi.Catalog;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.TestSupport;
using ShortApi.Validation;
using Xunit;

namespace ShortApi.Client.Tests.Images
{
    public class LocalImageValidationTests
    {
        private static PreparedJob Validate(string model, ImageInput image, ModelCatalog? catalog = null) =>
            new ArgumentValidator(catalog ?? ModelCatalog.BuiltIn).Validate(new JobRequest(model) { Prompt = "x", Image = image });

        /// <summary>happyhorse as the page describes it, but taking local files: so its image limits can be exercised.</summary>
        private static ModelCatalog HappyhorseTakingFiles(TempDirectory temp)
        {
            string file = temp.Combine("happyhorse-files.json");
            File.WriteAllText(file, """
                { "models": [ { "id": "alibaba/happyhorse-1.0/image-to-video", "shortName": "happyhorse-1.0",
                  "parameters": [
                    { "name": "prompt", "type": "string", "required": true },
                    { "name": "image", "type": "image", "required": true,
                      "limits": { "formats": ["jpeg", "png", "webp"], "minWidth": 300, "minHeight": 300, "minAspectRatio": 0.4, "maxAspectRatio": 2.5, "maxBytes": 10485760 } }
                  ] } ] }
                """);
            return ModelCatalog.Load(new[] { file });
        }

        [Fact]
        public void A_local_png_is_accepted_and_kept_as_a_file_to_stream()
        {
            using var temp = new TempDirectory();
            string path = TestImages.WriteFile(temp.Path, "still.png", TestImages.Png(320, 320));

            var job = Validate("vidu-q3", ImageInput.FromFile(path));

            Assert.Contains(job.WireArguments, p => p.Value is ImageInput image && image.FilePath == path);
        }

        [Fact]
        public void A_missing_file_is_image_not_found_and_names_the_path()
        {
            using var temp = new TempDirectory();
            string path = temp.Combine("nope.png");

            var error = Assert.Throws<ArgumentValidationException>(() => Validate("vidu-q3", ImageInput.FromFile(path, "./nope.png")));

            Assert.Equal(ShortApiErrorReason.ImageNotFound, error.Reason);
            Assert.Contains("./nope.png", error.Message);
            Assert.Contains(path, error.Message);
        }

        [Fact]
        public void A_text_file_named_png_is_rejected_by_its_content()
        {
            using var temp = new TempDirectory();
            string path = TestImages.WriteFile(temp.Path, "fake.png", System.Text.Encoding.UTF8.GetBytes("not really a picture"));

            var error = Assert.Throws<ArgumentValidationException>(() => Validate("pixverse-5.5", ImageInput.FromFile(path)));

            Assert.Equal(ShortApiErrorReason.ImageRejected, error.Reason);
            Assert.Contains("fake.png", error.Message);
            Assert.Contains("PNG, JPEG, WEBP", error.Message);
        }

        [Fact]
        public void A_gif_is_rejected_as_a_format_the_models_do_not_take()
        {
            using var temp = new TempDirectory();
            string path = TestImages.WriteFile(temp.Path, "anim.gif", System.Text.Encoding.ASCII.GetBytes("GIF89a\x10\x00\x10\x00......"));

            var error = Assert.Throws<ArgumentValidationException>(() => Validate("vidu-q3", ImageInput.FromFile(path)));

            Assert.Contains("is a GIF image", error.Message);
        }

        [Fact]
        public void Happyhorse_refuses_a_local_file_because_its_page_asks_for_a_url()
        {
            using var temp = new TempDirectory();
            string path = TestImages.WriteFile(temp.Path, "still.png", TestImages.Png(320, 320));

            var error = Assert.Throws<ArgumentValidationException>(() => Validate("happyhorse-1.0", ImageInput.FromFile(path)));

            Assert.Equal(ShortApiErrorReason.ImageRejected, error.Reason);
            Assert.Contains("happyhorse-1.0", error.Message);
            Assert.Contains("only as a URL", error.Message);
        }

        [Fact]
        public void Happyhorse_takes_a_url()
        {
            Assert.NotNull(Validate("happyhorse-1.0", ImageInput.FromUrl("https://img.example/still.webp")));
        }

        [Fact]
        public void An_image_smaller_than_300_pixels_a_side_breaks_happyhorse_limits()
        {
            using var temp = new TempDirectory();
            string path = TestImages.WriteFile(temp.Path, "small.png", TestImages.Png(299, 400));

            var error = Assert.Throws<ArgumentValidationException>(() => Validate("happyhorse-1.0", ImageInput.FromFile(path), HappyhorseTakingFiles(temp)));

            Assert.Contains("299x400 pixels, smaller than 300x300", error.Message);
        }

        [Theory]
        [InlineData(1000, 399)]
        [InlineData(399, 1000)]
        public void An_image_wider_or_taller_than_2_5_to_1_breaks_happyhorse_limits(int width, int height)
        {
            using var temp = new TempDirectory();
            string path = TestImages.WriteFile(temp.Path, "long.png", TestImages.Png(width, height));

            var error = Assert.Throws<ArgumentValidationException>(() => Validate("happyhorse-1.0", ImageInput.FromFile(path), HappyhorseTakingFiles(temp)));

            Assert.Contains("aspect ratio", error.Message);
            Assert.Contains("1:2.5 to 2.5:1", error.Message);
        }

        [Fact]
        public void An_image_of_exactly_2_5_to_1_is_within_happyhorse_limits()
        {
            using var temp = new TempDirectory();
            string path = TestImages.WriteFile(temp.Path, "edge.png", TestImages.Png(750, 300));

            Assert.NotNull(Validate("happyhorse-1.0", ImageInput.FromFile(path), HappyhorseTakingFiles(temp)));
        }

        [Fact]
        public void An_image_over_10_MB_breaks_happyhorse_limits()
        {
            using var temp = new TempDirectory();
            string path = TestImages.WriteFile(temp.Path, "huge.png", TestImages.PngOfSize(400, 400, 10 * 1024 * 1024 + 1));

            var error = Assert.Throws<ArgumentValidationException>(() => Validate("happyhorse-1.0", ImageInput.FromFile(path), HappyhorseTakingFiles(temp)));

            Assert.Contains("10485761 bytes, more than the 10485760 allowed", error.Message);
        }

        public static TheoryData<string, byte[], string> BrokenImages() => new TheoryData<string, byte[], string>
        {
            { "3-byte JPEG", new byte[] { 0xFF, 0xD8, 0xFF }, "cut short or damaged" },
            { "12-byte WEBP", "RIFF\u0004\u0000\u0000\u0000WEBP"u8.ToArray(), "cut short or damaged" },
            { "PNG cut inside its header", TestImages.Png(64, 64)[..20], "cut short or damaged" },
            { "PNG whose header checksum is wrong", Damaged(TestImages.Png(64, 64), 30), "cut short or damaged" },
            { "PNG of 0 x 0 pixels", TestImages.PngDeclaring(0, 0), "0x0 pixels, smaller than 1x1" },
            { "PNG of 100000 x 100000 pixels", TestImages.PngDeclaring(100000, 100000), "100000x100000 pixels, larger than 16384x16384" },
        };

        [Theory]
        [MemberData(nameof(BrokenImages))]
        public void A_broken_or_impossible_image_is_refused_before_anything_is_sent(string what, byte[] content, string expected)
        {
            using var temp = new TempDirectory();
            string path = TestImages.WriteFile(temp.Path, "still.img", content);

            var error = Assert.Throws<ArgumentValidationException>(() => Validate("vidu-q3", ImageInput.FromFile(path)));

            Assert.True(error.Reason == ShortApiErrorReason.ImageRejected, what);
            Assert.Contains(expected, error.Message);
        }

        [Fact]
        public void The_general_limits_come_from_the_catalog_and_a_page_s_own_limits_stand_over_them()
        {
            Assert.Equal(16384, ModelCatalog.BuiltIn.ImageLimits.MaxWidth);
            var happyhorse = ModelCatalog.BuiltIn.Find("happyhorse-1.0")!.FindParameter("image")!.Limits!;

            Assert.Equal(300, happyhorse.MinWidth);
            Assert.Equal(16384, happyhorse.MaxWidth);
        }

        private static byte[] Damaged(byte[] content, int index)
        {
            var copy = (byte[])content.Clone();
            copy[index] ^= 0xFF;
            return copy;
        }
    }
}
