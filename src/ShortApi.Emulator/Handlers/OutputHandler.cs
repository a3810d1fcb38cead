using System;
using System.Net;
using System.Threading.Tasks;
using ShortApi.Emulator.Faults;

namespace ShortApi.Emulator.Handlers
{
    /// <summary>GET /files/{job}/{n}.mp4: a generated video for a job that succeeded. No key needed, like a CDN.</summary>
    internal sealed class OutputHandler
    {
        private readonly EmulatorState _state;

        public OutputHandler(EmulatorState state)
        {
            _state = state;
        }

        public async Task HandleAsync(HttpListenerContext context, string jobId)
        {
            var options = _state.Options;
            if (!_state.Jobs.TryGetValue(jobId, out var job) || job.StatusAt(options.Clock.UtcNow) != 2)
            {
                await Exchange.SendErrorAsync(context, 404, "no such output").ConfigureAwait(false);
                return;
            }

            await options.Clock.Delay(options.DownloadLatency, default).ConfigureAwait(false);
            var fault = _state.Faults.Take(EmulatorRoute.Download);
            byte[] video = FakeVideo.Create(job.Id, options.OutputBytes);
            if (fault != null && fault.Kind == "truncate")
            {
                var response = context.Response;
                response.StatusCode = 200;
                response.ContentType = "video/mp4";
                response.ContentLength64 = video.Length;
                await response.OutputStream.WriteAsync(video, 0, video.Length / 2).ConfigureAwait(false);
                await response.OutputStream.FlushAsync().ConfigureAwait(false);
                response.Abort();
                return;
            }

            if (fault != null)
            {
                switch (fault.Kind)
                {
                    case "drop":
                        context.Response.Abort();
                        return;
                    case "redirect":
                        context.Response.StatusCode = 302;
                        context.Response.RedirectLocation = fault.Message;
                        context.Response.ContentLength64 = 0;
                        context.Response.Close();
                        return;
                    case "empty":
                        await Exchange.SendAsync(context, 200, "video/mp4", Array.Empty<byte>()).ConfigureAwait(false);
                        return;
                    case "trickle":
                    case "endless":
                        // An endless body still paces itself (about 6 MB/s), so a test never fills a disk before its own limit trips.
                        await StreamForeverAsync(context.Response, fault.Kind == "trickle" ? 1 : 64 * 1024, fault.Kind == "trickle" ? fault.Delay : TimeSpan.FromMilliseconds(10)).ConfigureAwait(false);
                        return;
                }

                await Exchange.SendErrorAsync(context, fault.StatusCode == 0 ? 500 : fault.StatusCode, "download fault", fault.RetryAfter).ConfigureAwait(false);
                return;
            }

            _state.Stats.DownloadServed();
            await Exchange.SendAsync(context, 200, "video/mp4", video).ConfigureAwait(false);
        }

        /// <summary>Writes chunks of <paramref name="size"/> bytes with a pause between them until the client hangs up.</summary>
        private static async Task StreamForeverAsync(HttpListenerResponse response, int size, TimeSpan pause)
        {
            response.StatusCode = 200;
            response.ContentType = "video/mp4";
            response.SendChunked = true;
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    await response.OutputStream.WriteAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
                    await response.OutputStream.FlushAsync().ConfigureAwait(false);
                    if (pause > TimeSpan.Zero)
                    {
                        await Task.Delay(pause).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is System.IO.IOException || ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                // The client hung up: that is how this body ends.
                response.Abort();
            }
        }
    }
}
