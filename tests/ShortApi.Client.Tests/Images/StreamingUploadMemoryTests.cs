using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using ShortApi.Images;
using ShortApi.TestSupport;
using ShortApi.Transport;
using Xunit;

namespace ShortApi.Client.Tests.Images
{
    [CollectionDefinition(nameof(MemorySensitive), DisableParallelization = true)]
    public class MemorySensitive
    {
    }

    /// <summary>A 10 MB image is encoded into the request as it is sent, never held whole (let alone several times).</summary>
    [Collection(nameof(MemorySensitive))]
    public class StreamingUploadMemoryTests
    {
        [Fact]
        public async Task Sending_a_10_MB_image_allocates_far_less_than_one_copy_of_it()
        {
            using var temp = new TempDirectory();
            const int size = 10 * 1024 * 1024;
            string path = TestImages.WriteFile(temp.Path, "big.png", TestImages.PngOfSize(1000, 1000, size));
            var arguments = new List<KeyValuePair<string, object?>>
            {
                new KeyValuePair<string, object?>("prompt", "x"),
                new KeyValuePair<string, object?>("image", ImageInput.FromFile(path)),
            };
            var sink = new CountingStream();
            using var content = new CreateRequestContent("vidu/vidu-q3/image-to-video", arguments, null);
            await content.CopyToAsync(new CountingStream()); // warm up the code paths once

            long before = GC.GetTotalAllocatedBytes(precise: true);
            using var measured = new CreateRequestContent("vidu/vidu-q3/image-to-video", arguments, null);
            await measured.CopyToAsync(sink);
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            Assert.Equal(measured.Headers.ContentLength, sink.Length);
            Assert.True(allocated < size / 4, $"allocated {allocated} bytes to send a {size}-byte image");
        }

        private sealed class CountingStream : Stream
        {
            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => Position;

            public override long Position { get; set; }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => Position += count;
        }
    }
}
