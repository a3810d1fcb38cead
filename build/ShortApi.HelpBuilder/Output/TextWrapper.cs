using System;
using System.Collections.Generic;
using System.Text;

namespace ShortApi.HelpBuilder.Output
{
    /// <summary>Wraps text at word boundaries to a width, with a first-line prefix and an indent for the lines after it.</summary>
    public static class TextWrapper
    {
        public static IEnumerable<string> Wrap(string text, int width, string firstPrefix, string restPrefix)
        {
            var line = new StringBuilder(firstPrefix);
            int empty = firstPrefix.Length;
            foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > empty && line.Length + 1 + word.Length > width)
                {
                    yield return line.ToString();
                    line.Clear().Append(restPrefix);
                    empty = restPrefix.Length;
                }

                if (line.Length > empty)
                {
                    line.Append(' ');
                }

                line.Append(word); // a word longer than the width gets a line of its own
            }

            if (line.Length > empty)
            {
                yield return line.ToString();
            }
        }
    }
}
