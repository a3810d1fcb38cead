using System;
using System.IO;

namespace ShortApi.Images
{
    /// <summary>
    /// Recognises PNG, JPEG and WEBP by their magic bytes and reads the pixel size from the header,
    /// touching only the first bytes of the file (JPEG: walking segment headers up to the frame).
    /// A header must be whole to count: a PNG's IHDR chunk with its checksum, a WEBP's first chunk,
    /// a JPEG's frame segment. A file cut short inside them gives no size.
    /// </summary>
    public static class ImageHeaderReader
    {
        // PNG: signature (8), IHDR length (4), type (4), data (13), CRC (4).
        private const int PrefixLength = 33;

        public static ImageInfo Read(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
            return Read(stream);
        }

        public static ImageInfo Read(Stream stream)
        {
            long length = stream.CanSeek ? stream.Length : -1;
            var prefix = new byte[PrefixLength];
            int read = ReadAtLeast(stream, prefix, prefix.Length);
            var format = Detect(prefix, read);
            int width = 0, height = 0;
            bool sizeRead = false;
            switch (format)
            {
                case ImageFormat.Png:
                    // Width and height (big-endian) sit in IHDR, which must be whole and match its checksum.
                    if (read >= PrefixLength && BigEndian32(prefix, 8) == 13 && prefix[12] == 'I' && prefix[13] == 'H' && prefix[14] == 'D' && prefix[15] == 'R' &&
                        (uint)BigEndian32(prefix, 29) == Crc32.Compute(prefix, 12, 17))
                    {
                        width = BigEndian32(prefix, 16);
                        height = BigEndian32(prefix, 20);
                        sizeRead = true;
                    }

                    break;
                case ImageFormat.Webp:
                    sizeRead = ReadWebpSize(prefix, read, out width, out height);
                    break;
                case ImageFormat.Jpeg:
                    sizeRead = ReadJpegSize(stream, prefix, read, out width, out height);
                    break;
                case ImageFormat.Gif:
                    width = prefix[6] | (prefix[7] << 8);
                    height = prefix[8] | (prefix[9] << 8);
                    sizeRead = read >= 10;
                    break;
            }

            return new ImageInfo(format, Math.Max(0, width), Math.Max(0, height), length, sizeRead);
        }

        public static ImageFormat Detect(byte[] b, int count)
        {
            if (count >= 8 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A)
            {
                return ImageFormat.Png;
            }

            if (count >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
            {
                return ImageFormat.Jpeg;
            }

            if (count >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P')
            {
                return ImageFormat.Webp;
            }

            if (count >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8')
            {
                return ImageFormat.Gif;
            }

            if (count >= 2 && b[0] == 'B' && b[1] == 'M')
            {
                return ImageFormat.Bmp;
            }

            return ImageFormat.Unknown;
        }

        private static bool ReadWebpSize(byte[] b, int count, out int width, out int height)
        {
            width = height = 0;
            if (count < 30)
            {
                return false;
            }

            string chunk = System.Text.Encoding.ASCII.GetString(b, 12, 4);
            switch (chunk)
            {
                case "VP8 ":
                    // Lossy: a key frame (start code 9D 01 2A) 10 bytes into the chunk data, then 14-bit sizes.
                    if (b[23] != 0x9D || b[24] != 0x01 || b[25] != 0x2A)
                    {
                        return false;
                    }

                    width = (b[26] | (b[27] << 8)) & 0x3FFF;
                    height = (b[28] | (b[29] << 8)) & 0x3FFF;
                    return true;
                case "VP8L":
                    // Lossless: after the 0x2F signature, 14 bits each of width-1 and height-1.
                    if (b[20] != 0x2F)
                    {
                        return false;
                    }

                    int bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
                    width = (bits & 0x3FFF) + 1;
                    height = ((bits >> 14) & 0x3FFF) + 1;
                    return true;
                case "VP8X":
                    // Extended: 24-bit canvas width-1 and height-1 after 4 bytes of flags.
                    width = (b[24] | (b[25] << 8) | (b[26] << 16)) + 1;
                    height = (b[27] | (b[28] << 8) | (b[29] << 16)) + 1;
                    return true;
                default:
                    return false;
            }
        }

        private static bool ReadJpegSize(Stream stream, byte[] prefix, int prefixCount, out int width, out int height)
        {
            width = height = 0;
            // Walk the segment headers that follow SOI until a start-of-frame marker.
            var reader = new SegmentCursor(stream, prefix, prefixCount, 2);
            while (true)
            {
                int marker = reader.NextMarker();
                if (marker < 0 || marker == 0xD9 || marker == 0xDA)
                {
                    return false; // end of file, of image or start of scan before any frame header: size unknown
                }

                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
                {
                    continue; // markers without a length
                }

                int segmentLength = reader.ReadUInt16();
                if (segmentLength < 2)
                {
                    return false;
                }

                bool isFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (isFrame)
                {
                    int precision = reader.ReadByte();
                    height = reader.ReadUInt16();
                    width = reader.ReadUInt16();
                    bool whole = precision >= 0 && height >= 0 && width >= 0;
                    height = Math.Max(0, height);
                    width = Math.Max(0, width);
                    return whole;
                }

                if (!reader.Skip(segmentLength - 2))
                {
                    return false;
                }
            }
        }

        private static int ReadAtLeast(Stream stream, byte[] buffer, int count)
        {
            int total = 0;
            while (total < count)
            {
                int n = stream.Read(buffer, total, count - total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }

        private static int BigEndian32(byte[] b, int offset) =>
            (b[offset] << 24) | (b[offset + 1] << 16) | (b[offset + 2] << 8) | b[offset + 3];

        /// <summary>Reads bytes first from the already-read prefix, then from the stream.</summary>
        private sealed class SegmentCursor
        {
            private readonly Stream _stream;
            private readonly byte[] _prefix;
            private readonly int _prefixCount;
            private int _position;

            public SegmentCursor(Stream stream, byte[] prefix, int prefixCount, int position)
            {
                _stream = stream;
                _prefix = prefix;
                _prefixCount = prefixCount;
                _position = position;
            }

            public int ReadByte()
            {
                if (_position < _prefixCount)
                {
                    return _prefix[_position++];
                }

                int b = _stream.ReadByte();
                if (b >= 0)
                {
                    _position++;
                }

                return b;
            }

            public int ReadUInt16()
            {
                int hi = ReadByte();
                int lo = ReadByte();
                return hi < 0 || lo < 0 ? -1 : (hi << 8) | lo;
            }

            public int NextMarker()
            {
                int b = ReadByte();
                while (b >= 0 && b != 0xFF)
                {
                    b = ReadByte(); // tolerate stray bytes between segments
                }

                while (b == 0xFF)
                {
                    b = ReadByte(); // fill bytes
                }

                return b;
            }

            public bool Skip(int count)
            {
                while (count > 0 && _position < _prefixCount)
                {
                    _position++;
                    count--;
                }

                if (count == 0)
                {
                    return true;
                }

                if (_stream.CanSeek)
                {
                    if (_stream.Position + count > _stream.Length)
                    {
                        return false;
                    }

                    _stream.Seek(count, SeekOrigin.Current);
                    _position += count;
                    return true;
                }

                var scratch = new byte[Math.Min(count, 4096)];
                while (count > 0)
                {
                    int n = _stream.Read(scratch, 0, Math.Min(count, scratch.Length));
                    if (n == 0)
                    {
                        return false;
                    }

                    count -= n;
                    _position += n;
                }

                return true;
            }
        }
    }
}
