using System;
using System.Text;

namespace ShortApi.Emulator
{
    /// <summary>Bytes that start like an MP4 (an ftyp box) and are filled to size; enough to be recognised, not to play.</summary>
    internal static class FakeVideo
    {
        public static byte[] Create(string jobId, int size)
        {
            var bytes = new byte[Math.Max(size, 64)];
            byte[] header = { 0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0, (byte)'i', (byte)'s', (byte)'o', (byte)'m', (byte)'m', (byte)'p', (byte)'4', (byte)'1' };
            Buffer.BlockCopy(header, 0, bytes, 0, header.Length);
            byte[] id = Encoding.ASCII.GetBytes("shortapi-emulator " + jobId);
            Buffer.BlockCopy(id, 0, bytes, header.Length, Math.Min(id.Length, bytes.Length - header.Length));
            return bytes;
        }
    }
}
