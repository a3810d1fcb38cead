using System;

namespace ShortApi.Emulator.Wire
{
    /// <summary>
    /// A long JSON string left in the request buffer instead of copied out: a base64 image of
    /// several megabytes is checked in place, so the emulator's memory stays flat under big batches.
    /// </summary>
    internal sealed class LargeString
    {
        public LargeString(byte[] buffer, int offset, int length)
        {
            Buffer = buffer;
            Offset = offset;
            Length = length;
        }

        public byte[] Buffer { get; }

        public int Offset { get; }

        public int Length { get; }

        public ReadOnlySpan<byte> Span => new ReadOnlySpan<byte>(Buffer, Offset, Length);

        public bool StartsWith(string prefix)
        {
            if (prefix.Length > Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (char.ToLowerInvariant((char)Buffer[Offset + i]) != char.ToLowerInvariant(prefix[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override string ToString() => $"<{Length} characters>";
    }
}
