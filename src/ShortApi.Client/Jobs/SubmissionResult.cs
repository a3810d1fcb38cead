using ShortApi.Errors;

namespace ShortApi.Jobs
{
    /// <summary>How one submission of a batch ended: the created job, or why there is none.</summary>
    public sealed class SubmissionResult
    {
        public SubmissionResult(PreparedJob job, VideoJob? created, ShortApiException? error)
        {
            Job = job;
            Created = created;
            Error = error;
        }

        public PreparedJob Job { get; }

        public VideoJob? Created { get; }

        public ShortApiException? Error { get; }

        public bool Succeeded => Created != null;
    }
}
