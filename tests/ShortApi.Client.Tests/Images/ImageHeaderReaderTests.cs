using System.IO;
using ShortApi.Images;
using ShortApi.TestSupport;
using Xunit;

namespace ShortApi.Client.Tests.Images
{
    public class ImageHeaderReaderTests
    {
        [Fact]
        public void Reads_a_png_size_from_its_header()
        {
            var info = ImageHeaderReader.Read(new MemoryStream(TestImages.Png(640, 360)));

            Assert.Equal(ImageFormat.Png, info.Format);
            Assert.Equal((640, 360), (info.Width, info.Height));
        }

        [Fact]
        public void Reads_a_jpeg_size_from_its_frame_header_past_other_segments()
        {
            var info = ImageHeaderReader.Read(new MemoryStream(TestImages.Jpeg(1920, 1080)));

            Assert.Equal(ImageFormat.Jpeg, info.Format);
            Assert.Equal((1920, 1080), (info.Width, info.Height));
        }

        [Fact]
        public void Reads_a_webp_size_from_its_header()
        {
            var info = ImageHeaderReader.Read(new MemoryStream(TestImages.Webp(800, 1200)));

            Assert.Equal(ImageFormat.Webp, info.Format);
            Assert.Equal((800, 1200), (info.Width, info.Height));
        }

        [Fact]
        public void Recognises_by_content_not_by_name()
        {
            var info = ImageHeaderReader.Read(new MemoryStream(System.Text.Encoding.ASCII.GetBytes("GIF89a\x10\x00\x10\x00")));

            Assert.Equal(ImageFormat.Gif, info.Format);
        }

        [Fact]
        public void Text_is_not_an_image()
        {
            var info = ImageHeaderReader.Read(new MemoryStream(System.Text.Encoding.ASCII.GetBytes("hello, this is a text file")));

            Assert.Equal(ImageFormat.Unknown, info.Format);
        }
    }
}
