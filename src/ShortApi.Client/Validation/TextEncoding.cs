namespace ShortApi.Validation
{
    /// <summary>Finds text that cannot be encoded faithfully: a UTF-16 surrogate without its partner.</summary>
    internal static class TextEncoding
    {
        /// <summary>The index of the first unpaired surrogate, or -1 when the text is whole.</summary>
        public static int FindBrokenCharacter(string? text)
        {
            if (text == null)
            {
                return -1;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]))
                {
                    if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        i++;
                        continue;
                    }

                    return i;
                }

                if (char.IsLowSurrogate(text[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
