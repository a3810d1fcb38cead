using System;
using System.Collections.Generic;

namespace ShortApi.Errors
{
    /// <summary>
    /// A create request was sent but no clear answer came back (a 500/502/504, a connection lost
    /// after the body went out, a timeout). The job may exist and may have been charged, so it is
    /// never sent again by itself: this carries what was sent so the user can check and decide.
    /// </summary>
    public sealed class CreateOutcomeUnknownException : ShortApiException
    {
        public CreateOutcomeUnknownException(string message, string model, string source, IReadOnlyList<KeyValuePair<string, object?>> arguments, string inputKey, Exception? inner)
            : base(ShortApiErrorReason.CreateOutcomeUnknown, message, inner)
        {
            Model = model;
            InputSource = source;
            Arguments = arguments;
            InputKey = inputKey;
            Target = source;
        }

        public string Model { get; }

        /// <summary>The image the job was for, as the user gave it.</summary>
        public string InputSource { get; }

        /// <summary>The arguments sent, local images named but not included.</summary>
        public IReadOnlyList<KeyValuePair<string, object?>> Arguments { get; }

        /// <summary>The input's journal key: a journal marks it as unknown so a re-run does not pay twice.</summary>
        public string InputKey { get; }
    }
}
