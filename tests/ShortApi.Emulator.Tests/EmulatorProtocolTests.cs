using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Emulator.Tests
{
    public class EmulatorProtocolTests : IDisposable
    {
        private const string Key = "emulator-test-key";
        private const string Url = "https://img.example/a.png";
        private readonly ShortApiEmulator _emulator = ShortApiEmulator.Start(new EmulatorOptions { ApiKey = Key, JobDuration = TimeSpan.FromMilliseconds(200) });

        public void Dispose() => _emulator.Dispose();

        private RawApi Api(string? key = Key) => new RawApi(_emulator.BaseAddress, key);

        [Fact]
        public void It_listens_on_loopback_on_a_port_of_its_own()
        {
            using var other = ShortApiEmulator.Start();

            Assert.Equal("127.0.0.1", _emulator.BaseAddress.Host);
            Assert.NotEqual(_emulator.Port, other.Port);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("wrong-key")]
        public async Task A_request_without_the_right_bearer_key_is_refused(string? key)
        {
            using var api = Api(key);

            var (status, body) = await api.QueryAsync("job_1");

            Assert.Equal(401, status);
            Assert.Equal(401, body.GetProperty("code").GetInt32());
        }

        [Fact]
        public async Task A_valid_create_answers_the_documented_envelope_with_job_id_and_amount()
        {
            using var api = Api();

            var (status, body) = await api.CreateAsync(RawApi.Body("vidu/vidu-q3/image-to-video", $"{{\"mode\":\"pro\",\"prompt\":\"x\",\"image\":\"{Url}\"}}"));

            Assert.Equal(200, status);
            Assert.Equal(0, body.GetProperty("code").GetInt32());
            Assert.StartsWith("job_", body.GetProperty("data").GetProperty("job_id").GetString());
            Assert.Equal("0.60", body.GetProperty("data").GetProperty("amount").GetString());
        }

        [Theory]
        [InlineData("pixverse/pixverse-5.5/image-to-video", "{\"prompt\":\"x\",\"image\":\"" + Url + "\",\"duration\":5}", "duration must be a JSON string")]
        [InlineData("alibaba/happyhorse-1.0/image-to-video", "{\"prompt\":\"x\",\"image\":\"" + Url + "\",\"duration\":\"5\"}", "duration must be a JSON integer")]
        [InlineData("alibaba/happyhorse-1.0/image-to-video", "{\"prompt\":\"x\",\"image\":\"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\"}", "image must be an http(s) URL")]
        [InlineData("alibaba/happyhorse-1.0/image-to-video", "{\"prompt\":\"x\",\"image\":\"" + Url + "\",\"resolution\":\"1080p\"}", "resolution '1080p' is not one of 720P, 1080P")]
        [InlineData("vidu/vidu-q3/image-to-video", "{\"prompt\":\"x\",\"image\":\"" + Url + "\"}", "mode is required")]
        [InlineData("vidu/vidu-q3/image-to-video", "{\"mode\":\"pro\",\"prompt\":\"x\",\"image\":\"data:image/png;base64,iVBORw0KGgo=\"}", "must not have a data: prefix")]
        [InlineData("vidu/vidu-q3/image-to-video", "{\"mode\":\"pro\",\"prompt\":\"x\",\"image\":\"aGVsbG8gd29ybGQh\"}", "not a PNG, JPEG or WEBP")]
        [InlineData("pixverse/pixverse-5.5/image-to-video", "{\"prompt\":\"x\",\"image\":\"" + Url + "\",\"resolution\":\"1080p\",\"duration\":\"10\"}", "the page says: 1080p not supported for 10s")]
        [InlineData("kwaivgi/kling-o1/image-to-video", "{\"mode\":\"pro\",\"action\":\"frame\",\"prompt\":\"x\",\"images\":[\"" + Url + "\"],\"aspect_ratio\":\"1:1\"}", "the page says: aspect_ratio is only valid for 'refer' action")]
        [InlineData("kwaivgi/kling-o1/image-to-video", "{\"mode\":\"pro\",\"action\":\"refer\",\"prompt\":\"x\",\"images\":[\"" + Url + "\"],\"elements\":[{\"reference_image_urls\":[]}]}", "elements[0].frontal_image_url is required")]
        [InlineData("kwaivgi/kling-o1/image-to-video", "{\"mode\":\"pro\",\"action\":\"refer\",\"prompt\":\"x\",\"images\":[\"" + Url + "\",\"" + Url + "\",\"" + Url + "\",\"" + Url + "\",\"" + Url + "\"],\"elements\":[{\"frontal_image_url\":\"" + Url + "\"},{\"frontal_image_url\":\"" + Url + "\"},{\"frontal_image_url\":\"" + Url + "\"}]}", "the page says: The number of images in images + elements must not exceed 7")]
        [InlineData("kwaivgi/kling-o1/image-to-video", "{\"mode\":\"pro\",\"action\":\"frame\",\"prompt\":\"x\",\"duration\":\"7\",\"images\":[\"" + Url + "\"]}", "the page says: Action is 'frame' and images just have one frame, duration should be 5 or 10")]
        public async Task A_create_that_breaks_the_model_page_is_refused_with_the_reason(string model, string args, string reason)
        {
            using var api = Api();

            var (status, body) = await api.CreateAsync(RawApi.Body(model, args));

            Assert.Equal(400, status);
            Assert.Contains(reason, body.GetProperty("msg").GetString());
            Assert.Equal(0, _emulator.Stats.JobsCreated);
        }

        [Fact]
        public async Task A_happyhorse_prompt_past_5000_characters_is_accepted_as_the_page_says_it_is_truncated()
        {
            using var api = Api();

            var (status, body) = await api.CreateAsync(RawApi.Body("alibaba/happyhorse-1.0/image-to-video", $"{{\"prompt\":\"{new string('a', 6000)}\",\"image\":\"{Url}\"}}"));

            Assert.Equal(200, status);
            Assert.Equal(0, body.GetProperty("code").GetInt32());
        }

        [Theory]
        [InlineData("png")]
        [InlineData("jpeg")]
        [InlineData("webp")]
        public async Task A_local_image_sent_as_raw_base64_is_accepted(string format)
        {
            using var api = Api();
            byte[] image = format == "png" ? TestImages.Png(400, 300) : format == "jpeg" ? TestImages.Jpeg(400, 300) : TestImages.Webp(400, 300);
            string base64 = Convert.ToBase64String(image);

            var (status, _) = await api.CreateAsync(RawApi.Body("vidu/vidu-q3/image-to-video", $"{{\"mode\":\"pro\",\"prompt\":\"x\",\"image\":\"{base64}\"}}"));

            Assert.Equal(200, status);
        }

        [Fact]
        public async Task A_job_moves_from_queued_through_processing_to_succeeded_and_serves_its_video()
        {
            var clock = new ShortApi.TestSupport.ScaledClock(1);
            using var emulator = ShortApiEmulator.Start(new EmulatorOptions { ApiKey = Key, JobDuration = TimeSpan.FromSeconds(1), OutputBytes = 4096, Clock = clock });
            using var api = new RawApi(emulator.BaseAddress, Key);
            var (_, created) = await api.CreateAsync(RawApi.Body("vidu/vidu-q3/image-to-video", $"{{\"mode\":\"pro\",\"prompt\":\"x\",\"image\":\"{Url}\"}}"));
            string id = created.GetProperty("data").GetProperty("job_id").GetString()!;
            var job = emulator.Jobs.Single();

            Assert.Equal(0, job.StatusAt(job.CreatedAt));
            Assert.Equal(1, job.StatusAt(job.CreatedAt + TimeSpan.FromMilliseconds(500)));
            Assert.Equal(2, job.StatusAt(job.EndsAt));

            await Task.Delay(1100);
            var (_, done) = await api.QueryAsync(id);
            Assert.Equal(2, done.GetProperty("data").GetProperty("status").GetInt32());
            string url = done.GetProperty("data").GetProperty("result").GetProperty("images")[0].GetProperty("url").GetString()!;
            Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, url);

            using var download = new HttpClient();
            var response = await download.GetAsync(url);
            Assert.Equal(4096, (await response.Content.ReadAsByteArrayAsync()).Length);
            Assert.Equal(4096, response.Content.Headers.ContentLength);
        }

        [Fact]
        public async Task A_failed_job_reports_status_3_and_a_refund()
        {
            using var emulator = ShortApiEmulator.Start(new EmulatorOptions { ApiKey = Key, JobDuration = TimeSpan.Zero, FailureRate = 1 });
            using var api = new RawApi(emulator.BaseAddress, Key);
            var (_, created) = await api.CreateAsync(RawApi.Body("vidu/vidu-q3/image-to-video", $"{{\"mode\":\"pro\",\"prompt\":\"x\",\"image\":\"{Url}\"}}"));

            var (_, state) = await api.QueryAsync(created.GetProperty("data").GetProperty("job_id").GetString()!);

            Assert.Equal(3, state.GetProperty("data").GetProperty("status").GetInt32());
            Assert.True(state.GetProperty("data").GetProperty("refunded").GetBoolean());
        }

        [Fact]
        public async Task An_unknown_job_is_not_found()
        {
            using var api = Api();

            var (status, _) = await api.QueryAsync("job_unknown");

            Assert.Equal(404, status);
        }

        [Fact]
        public async Task Many_creates_at_once_each_get_their_own_job()
        {
            using var api = Api();

            var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
                api.CreateAsync(RawApi.Body("vidu/vidu-q3/image-to-video", $"{{\"mode\":\"pro\",\"prompt\":\"p{i}\",\"image\":\"{Url}\"}}"))));

            Assert.All(results, r => Assert.Equal(200, r.Status));
            Assert.Equal(50, results.Select(r => r.Body.GetProperty("data").GetProperty("job_id").GetString()).Distinct().Count());
            Assert.Equal(50, _emulator.Stats.JobsCreated);
        }
    }
}
