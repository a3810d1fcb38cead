using System.Text;

namespace ShortApi.Transport
{
    /// <summary>
    /// Makes text that came from the service safe to show, log or journal: the key redacted (a
    /// server may echo the Authorization header back), control characters dropped, and the
    /// length capped, so a misbehaving server can neither leak the key nor flood a console.
    /// </summary>
    internal sealed class ServiceText
    {
        /// <summary>The most characters of server text ever repeated.</summary>
        public const int MaxLength = 500;

        private readonly ApiKey? _key;

        public ServiceText(ApiKey? key)
        {
            _key = key;
        }

        /// <summary>The key taken out, nothing else changed: for URLs, which must stay whole to work.</summary>
        public string Redact(string text) => _key?.Redact(text) ?? text;

        /// <summary>The text made safe; null stays null.</summary>
        public string? Clean(string? text)
        {
            if (text == null)
            {
                return null;
            }

            string redacted = _key?.Redact(text) ?? text;
            var builder = new StringBuilder(System.Math.Min(redacted.Length, MaxLength + 1));
            foreach (char c in redacted)
            {
                if (builder.Length >= MaxLength)
                {
                    builder.Append('…');
                    break;
                }

                builder.Append(char.IsControl(c) ? ' ' : c);
            }

            return builder.ToString().Trim();
        }
    }
}
