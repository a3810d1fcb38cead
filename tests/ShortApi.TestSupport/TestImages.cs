using System;
using System.IO;
using System.IO.Compression;

namespace ShortApi.TestSupport
{
    /// <summary>Image files for tests: real PNGs of any size, and JPEG and WEBP files with true headers.</summary>
    public static class TestImages
    {
        /// <summary>A valid PNG of <paramref name="width"/> x <paramref name="height"/> (a gradient, so it compresses like a picture would not).</summary>
        public static byte[] Png(int width, int height, int seed = 0)
        {
            using var output = new MemoryStream();
            output.Write(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
            var header = new byte[13];
            WriteBigEndian(header, 0, width);
            WriteBigEndian(header, 4, height);
            header[8] = 8;  // bit depth
            header[9] = 2;  // truecolour
            WriteChunk(output, "IHDR", header);

            using var raw = new MemoryStream();
            using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            {
                var row = new byte[1 + width * 3];
                for (int y = 0; y < height; y++)
                {
                    row[0] = 0;
                    for (int x = 0; x < width; x++)
                    {
                        row[1 + x * 3] = (byte)(x + seed);
                        row[2 + x * 3] = (byte)(y * 2 + seed);
                        row[3 + x * 3] = (byte)((x ^ y) + seed);
                    }

                    zlib.Write(row);
                }
            }

            WriteChunk(output, "IDAT", raw.ToArray());
            WriteChunk(output, "IEND", Array.Empty<byte>());
            return output.ToArray();
        }

        /// <summary>A PNG that only declares its size: signature, IHDR and IEND, no pixels (for sizes no memory could hold).</summary>
        public static byte[] PngDeclaring(int width, int height)
        {
            using var output = new MemoryStream();
            output.Write(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
            var header = new byte[13];
            WriteBigEndian(header, 0, width);
            WriteBigEndian(header, 4, height);
            header[8] = 8;
            header[9] = 2;
            WriteChunk(output, "IHDR", header);
            WriteChunk(output, "IEND", Array.Empty<byte>());
            return output.ToArray();
        }

        /// <summary>A JPEG with an APP0 segment and a baseline frame header giving its size (no scan data: only headers are read).</summary>
        public static byte[] Jpeg(int width, int height)
        {
            using var output = new MemoryStream();
            output.Write(new byte[] { 0xFF, 0xD8 });
            output.Write(new byte[] { 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 });
            output.Write(new byte[] { 0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1 });
            output.Write(new byte[] { 0xFF, 0xD9 });
            return output.ToArray();
        }

        /// <summary>A WEBP (extended format) whose VP8X header gives its canvas size.</summary>
        public static byte[] Webp(int width, int height)
        {
            var bytes = new byte[30 + 16];
            "RIFF"u8.CopyTo(bytes);
            BitConverter.GetBytes(bytes.Length - 8).CopyTo(bytes, 4);
            "WEBPVP8X"u8.CopyTo(bytes.AsSpan(8));
            BitConverter.GetBytes(10).CopyTo(bytes, 16);
            WriteLittleEndian24(bytes, 24, width - 1);
            WriteLittleEndian24(bytes, 27, height - 1);
            return bytes;
        }

        /// <summary>Writes bytes to <paramref name="directory"/>/<paramref name="name"/> and returns the full path.</summary>
        public static string WriteFile(string directory, string name, byte[] content)
        {
            string path = Path.Combine(directory, name);
            File.WriteAllBytes(path, content);
            return path;
        }

        /// <summary>A PNG padded with an ancillary chunk to exactly <paramref name="totalBytes"/> (for size and memory tests).</summary>
        public static byte[] PngOfSize(int width, int height, int totalBytes)
        {
            var png = Png(width, height);
            int padding = totalBytes - png.Length - 12;
            if (padding < 0)
            {
                return png;
            }

            using var output = new MemoryStream();
            output.Write(png, 0, png.Length - 12); // all but IEND
            var filler = new byte[padding];
            new Random(7).NextBytes(filler);
            WriteChunk(output, "zzZz", filler);
            WriteChunk(output, "IEND", Array.Empty<byte>());
            return output.ToArray();
        }

        private static void WriteChunk(Stream output, string type, byte[] data)
        {
            var length = new byte[4];
            WriteBigEndian(length, 0, data.Length);
            output.Write(length);
            var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
            output.Write(typeBytes);
            output.Write(data);
            uint crc = Crc32(typeBytes, 0xFFFFFFFF);
            crc = Crc32(data, crc) ^ 0xFFFFFFFF;
            var crcBytes = new byte[4];
            WriteBigEndian(crcBytes, 0, (int)crc);
            output.Write(crcBytes);
        }

        private static uint Crc32(byte[] data, uint crc)
        {
            foreach (byte b in data)
            {
                crc ^= b;
                for (int k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
                }
            }

            return crc;
        }

        private static void WriteBigEndian(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        private static void WriteLittleEndian24(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
        }
    }
}
