using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Transport
{
    /// <summary>The exact JSON each model's create sends, types included, as the emulator received it.</summary>
    public class CreateRequestBodyTests : IDisposable
    {
        private const string Image = "https://img.example/a.png";
        private readonly EmulatorHarness _harness = new EmulatorHarness();

        public void Dispose() => _harness.Dispose();

        private async Task<string> SentBody(JobRequest request)
        {
            var job = await _harness.Client.SubmitAsync(_harness.Client.Prepare(request));
            return _harness.Emulator.Jobs.Single(j => j.Id == job.JobId).CreateBody!;
        }

        private static JobRequest Request(string model) => new JobRequest(model) { Prompt = "a cat", Image = ImageInput.FromUrl(Image) };

        [Theory]
        [InlineData("poppy-v1.0", """{"model":"shortapi/poppy-v1.0/image-to-video","args":{"prompt":"a cat","image":"https://img.example/a.png"}}""")]
        [InlineData("happyhorse-1.0", """{"model":"alibaba/happyhorse-1.0/image-to-video","args":{"prompt":"a cat","image":"https://img.example/a.png"}}""")]
        [InlineData("pixverse-5.5", """{"model":"pixverse/pixverse-5.5/image-to-video","args":{"prompt":"a cat","image":"https://img.example/a.png"}}""")]
        [InlineData("kling-o1", """{"model":"kwaivgi/kling-o1/image-to-video","args":{"mode":"pro","action":"frame","prompt":"a cat","images":["https://img.example/a.png"]}}""")]
        [InlineData("vidu-q3", """{"model":"vidu/vidu-q3/image-to-video","args":{"mode":"pro","prompt":"a cat","image":"https://img.example/a.png"}}""")]
        public async Task With_defaults_only_required_arguments_are_sent(string model, string expected)
        {
            Assert.Equal(expected, await SentBody(Request(model)));
        }

        [Fact]
        public async Task Poppy_with_every_option()
        {
            var request = Request("poppy-v1.0");
            request.Arguments["aspect_ratio"] = "9:16";
            request.CallbackUrl = "https://hooks.example/done";

            Assert.Equal(
                """{"model":"shortapi/poppy-v1.0/image-to-video","args":{"prompt":"a cat","image":"https://img.example/a.png","aspect_ratio":"9:16"},"callback_url":"https://hooks.example/done"}""",
                await SentBody(request));
        }

        [Fact]
        public async Task Happyhorse_with_every_option_sends_duration_as_a_number()
        {
            var request = Request("happyhorse-1.0");
            request.Arguments["resolution"] = "720p";
            request.Arguments["duration"] = 10;

            Assert.Equal(
                """{"model":"alibaba/happyhorse-1.0/image-to-video","args":{"prompt":"a cat","image":"https://img.example/a.png","resolution":"720P","duration":10}}""",
                await SentBody(request));
        }

        [Fact]
        public async Task Pixverse_with_every_option_sends_duration_as_a_string_and_switches_as_booleans()
        {
            var request = Request("pixverse-5.5");
            request.Arguments["resolution"] = "1080p";
            request.Arguments["duration"] = 8;
            request.Arguments["aspect_ratio"] = "9:16";
            request.Arguments["generate_audio"] = true;
            request.Arguments["multi_shot"] = true;

            Assert.Equal(
                """{"model":"pixverse/pixverse-5.5/image-to-video","args":{"prompt":"a cat","image":"https://img.example/a.png","resolution":"1080p","duration":"8","aspect_ratio":"9:16","generate_audio":true,"multi_shot":true}}""",
                await SentBody(request));
        }

        [Fact]
        public async Task Kling_with_every_option_sends_lists_and_elements()
        {
            var request = Request("kling-o1");
            request.Arguments["mode"] = "std";
            request.Arguments["action"] = "refer";
            request.Arguments["duration"] = 7;
            request.Arguments["images"] = new[] { ImageInput.FromUrl("https://img.example/b.png") };
            request.Arguments["elements"] = new[]
            {
                new Hashtable { ["frontal_image_url"] = "https://img.example/hero.png", ["reference_image_urls"] = new[] { "https://img.example/hero-side.png" } },
            };
            request.Arguments["aspect_ratio"] = "1:1";
            request.CallbackUrl = "https://hooks.example/done";

            Assert.Equal(
                """{"model":"kwaivgi/kling-o1/image-to-video","args":{"mode":"std","action":"refer","prompt":"a cat","duration":"7","images":["https://img.example/a.png","https://img.example/b.png"],"elements":[{"frontal_image_url":"https://img.example/hero.png","reference_image_urls":["https://img.example/hero-side.png"]}],"aspect_ratio":"1:1"},"callback_url":"https://hooks.example/done"}""",
                await SentBody(request));
        }

        [Fact]
        public async Task Vidu_with_every_option()
        {
            var request = Request("vidu-q3");
            request.Arguments["mode"] = "turbo";
            request.Arguments["duration"] = 16;
            request.Arguments["resolution"] = "1080p";

            Assert.Equal(
                """{"model":"vidu/vidu-q3/image-to-video","args":{"mode":"turbo","prompt":"a cat","duration":"16","image":"https://img.example/a.png","resolution":"1080p"}}""",
                await SentBody(request));
        }

        [Fact]
        public async Task A_local_file_is_sent_as_raw_base64_without_a_data_prefix()
        {
            using var temp = new TempDirectory();
            byte[] png = TestImages.Png(320, 240);
            string path = TestImages.WriteFile(temp.Path, "still.png", png);
            var request = new JobRequest("vidu-q3") { Prompt = "a cat", Image = ImageInput.FromFile(path) };

            string body = await SentBody(request);

            Assert.Equal(
                "{\"model\":\"vidu/vidu-q3/image-to-video\",\"args\":{\"mode\":\"pro\",\"prompt\":\"a cat\",\"image\":\"" + Convert.ToBase64String(png) + "\"}}",
                body);
        }

        [Fact]
        public async Task A_prompt_with_quotes_and_chinese_is_sent_as_valid_json()
        {
            var request = Request("vidu-q3");
            request.Prompt = "猫 \"jumps\"\nhigh";

            string body = await SentBody(request);

            Assert.Contains("\"prompt\":\"猫 \\\"jumps\\\"\\nhigh\"", body);
        }
    }
}
