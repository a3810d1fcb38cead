using System;
using System.Runtime.InteropServices;
using System.Net.Http.Headers;
using System.Security;

namespace ShortApi.Transport
{
    /// <summary>
    /// The API key, held as a SecureString until the moment an Authorization header is written.
    /// It has no member that returns the key as text to callers, and its ToString says only that
    /// a key is set, so it cannot slip into output, logs, journals or exception messages.
    /// </summary>
    public sealed class ApiKey
    {
        private readonly SecureString _secret;

        private ApiKey(SecureString secret)
        {
            _secret = secret;
            _secret.MakeReadOnly();
        }

        /// <summary>
        /// The key from a SecureString. Spaces and line breaks around it are dropped (a key read
        /// from a file often ends with one); a key with any inside it is refused, since it cannot
        /// go in a header, and the refusal never repeats the key.
        /// </summary>
        public static ApiKey FromSecureString(SecureString secret)
        {
            if (secret == null)
            {
                throw Refused("is empty");
            }

            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                int length = secret.Length;
                int start = 0;
                int end = length;
                while (start < end && IsSpace(Marshal.ReadInt16(pointer, start * 2)))
                {
                    start++;
                }

                while (end > start && IsSpace(Marshal.ReadInt16(pointer, (end - 1) * 2)))
                {
                    end--;
                }

                if (start == end)
                {
                    throw Refused("is empty");
                }

                var trimmed = new SecureString();
                for (int i = start; i < end; i++)
                {
                    char c = (char)Marshal.ReadInt16(pointer, i * 2);
                    if (char.IsWhiteSpace(c) || char.IsControl(c) || c > 0x7E)
                    {
                        trimmed.Dispose();
                        throw Refused($"holds a space, a line break or another character a header cannot carry, at position {i - start + 1}; a ShortAPI key is one word of plain characters");
                    }

                    trimmed.AppendChar(c);
                }

                return new ApiKey(trimmed);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }

        /// <summary>For keys read from the environment or a vault: copied into a SecureString at once, then checked as one.</summary>
        public static ApiKey FromPlainText(string secret)
        {
            using var secure = new SecureString();
            foreach (char c in secret ?? string.Empty)
            {
                secure.AppendChar(c);
            }

            return FromSecureString(secure);
        }

        public override string ToString() => "ApiKey(set, hidden)";

        private static bool IsSpace(short c) => char.IsWhiteSpace((char)c);

        private static Errors.ShortApiException Refused(string why) =>
            new Errors.ShortApiException(Errors.ShortApiErrorReason.InvalidArgument, $"The API key {why}. Check how it was copied or read; the key itself is not shown here.");

        /// <summary>The Authorization header. Internal: only the transport writes it.</summary>
        internal AuthenticationHeaderValue ToHeader() => new AuthenticationHeaderValue("Bearer", ToBearerValue().Substring("Bearer ".Length));

        /// <summary>The header value "Bearer ...". Internal: only the transport writes it.</summary>
        internal string ToBearerValue()
        {
            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(_secret);
                return "Bearer " + Marshal.PtrToStringUni(pointer, _secret.Length);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }

        /// <summary>
        /// Replaces the key in text that came from elsewhere (a server message that echoes the
        /// header, an exception from the HTTP stack), so it can be shown safely.
        /// </summary>
        internal string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            string bearer = ToBearerValue();
            string key = bearer.Substring("Bearer ".Length);
            return key.Length < 4 ? text! : text!.Replace(key, "***");
        }
    }
}
