using System;
using System.Collections.Generic;
using ShortApi.Errors;

namespace ShortApi.Jobs
{
    /// <summary>Something that happened during a wait, handed to the caller's thread to report.</summary>
    public sealed class WaitEvent
    {
        public WaitEvent(WaitEventKind kind, VideoJob? job, ShortApiException? error = null, IReadOnlyList<DownloadedFile>? files = null, string? message = null)
        {
            Kind = kind;
            Job = job;
            Error = error;
            Files = files ?? Array.Empty<DownloadedFile>();
            Message = message ?? error?.Message;
        }

        public WaitEventKind Kind { get; }

        public VideoJob? Job { get; }

        /// <summary>For Failed and TimedOut, and for an Ended job whose download failed.</summary>
        public ShortApiException? Error { get; }

        public IReadOnlyList<DownloadedFile> Files { get; }

        public string? Message { get; }
    }
}
