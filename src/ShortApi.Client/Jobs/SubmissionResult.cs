using ShortApi.Errors;

namespace ShortApi.Jobs
{
    /// <summary>How one submission of a batch ended: the created job, or the error why there is none.</summary>
    public sealed record SubmissionResult(PreparedJob Job, VideoJob? Created, ShortApiException? Error)
    {
        public bool Succeeded => Created != null;
    }
}
