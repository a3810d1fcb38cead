using System;
using System.Runtime.InteropServices;
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

        public static ApiKey FromSecureString(SecureString secret)
        {
            if (secret == null || secret.Length == 0)
            {
                throw new ArgumentException("The API key is empty.", nameof(secret));
            }

            return new ApiKey(secret.Copy());
        }

        /// <summary>For keys read from the environment or a vault: copied into a SecureString at once.</summary>
        public static ApiKey FromPlainText(string secret)
        {
            if (string.IsNullOrWhiteSpace(secret))
            {
                throw new ArgumentException("The API key is empty.", nameof(secret));
            }

            var secure = new SecureString();
            foreach (char c in secret.Trim())
            {
                secure.AppendChar(c);
            }

            return new ApiKey(secure);
        }

        public override string ToString() => "ApiKey(set, hidden)";

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
