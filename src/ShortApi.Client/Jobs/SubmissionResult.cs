using ShortApi.Errors;

namespace ShortApi.Jobs
{
    /// <summary>How one submission of a batch ended: the created job, or why there is none.</summary>
    public sealed class SubmissionResult
    {
        public SubmissionResult(PreparedJob job, VideoJob? created, ShortApiException? error, object? tag)
        {
            Job = job;
            Created = created;
            Error = error;
            Tag = tag;
        }

        public PreparedJob Job { get; }

        public VideoJob? Created { get; }

        public ShortApiException? Error { get; }

        /// <summary>Whatever the caller attached when it started the submission (the pipeline input, say).</summary>
        public object? Tag { get; }

        public bool Succeeded => Created != null;
    }
}
