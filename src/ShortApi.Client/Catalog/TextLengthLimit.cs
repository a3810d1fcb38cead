using ShortApi.Validation;

namespace ShortApi.Catalog
{
    /// <summary>
    /// A length limit on a text parameter. Some pages count a Chinese character as two ordinary ones
    /// (happyhorse: 5,000 characters or 2,500 Chinese), so each character is weighed before counting.
    /// </summary>
    public sealed class TextLengthLimit
    {
        public TextLengthLimit(int max, int chineseCharacterWeight, IssueSeverity severity, string? message)
        {
            Max = max;
            ChineseCharacterWeight = chineseCharacterWeight < 1 ? 1 : chineseCharacterWeight;
            Severity = severity;
            Message = message;
        }

        /// <summary>The most units the text may hold.</summary>
        public int Max { get; }

        /// <summary>How many units one Chinese (CJK ideograph) character counts for.</summary>
        public int ChineseCharacterWeight { get; }

        /// <summary>Warning when the API truncates instead of refusing; error when it refuses.</summary>
        public IssueSeverity Severity { get; }

        public string? Message { get; }

        /// <summary>"at most 5000 characters, a Chinese character counting as 2".</summary>
        public override string ToString() =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, "at most {0} characters", Max) +
            (ChineseCharacterWeight > 1 ? string.Format(System.Globalization.CultureInfo.InvariantCulture, ", a Chinese character counting as {0}", ChineseCharacterWeight) : string.Empty);

        /// <summary>The text's length in this limit's units.</summary>
        public int Measure(string text)
        {
            int units = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                // A surrogate pair is one character; CJK extension planes count as Chinese too.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    int codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    units += codePoint >= 0x20000 && codePoint <= 0x3134F ? ChineseCharacterWeight : 1;
                    i++;
                    continue;
                }

                units += IsChinese(c) ? ChineseCharacterWeight : 1;
            }

            return units;
        }

        private static bool IsChinese(char c) =>
            (c >= '\u4E00' && c <= '\u9FFF') ||   // CJK unified ideographs
            (c >= '\u3400' && c <= '\u4DBF') ||   // extension A
            (c >= '\uF900' && c <= '\uFAFF');     // compatibility ideographs
    }
}
