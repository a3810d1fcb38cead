using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShortApi.Jobs;

namespace ShortApi
{
    /// <summary>
    /// One image-to-video job: what was asked, what it cost, where it stands and what it produced.
    /// The same object is updated as the job progresses, so a variable holding it stays current.
    /// </summary>
    public sealed class VideoJob
    {
        private readonly object _gate = new object();
        private JobStatus _status;
        private int? _statusCode;
        private DateTimeOffset? _completedAt;
        private DateTimeOffset? _lastCheckedAt;
        private TextList _outputUrls = TextList.Empty;
        private TextList _outputFiles = TextList.Empty;
        private string? _error;
        private bool _refunded;

        public VideoJob(
            string jobId,
            string model,
            string? modelName,
            string source,
            string? prompt,
            JobArguments? arguments,
            decimal? amount,
            decimal? estimatedCost,
            DateTimeOffset? submittedAt,
            string endpoint,
            string? inputKey = null)
        {
            if (string.IsNullOrWhiteSpace(jobId))
            {
                throw new ArgumentException("A job needs an id.", nameof(jobId));
            }

            JobId = jobId;
            Model = model ?? string.Empty;
            ModelName = string.IsNullOrEmpty(modelName) ? Model : modelName!;
            Source = source ?? string.Empty;
            Prompt = prompt;
            Arguments = arguments ?? JobArguments.Empty;
            Amount = amount;
            EstimatedCost = estimatedCost;
            SubmittedAt = submittedAt;
            Endpoint = endpoint ?? string.Empty;
            InputKey = inputKey;
            _status = JobStatus.Queued;
            _statusCode = 0;
        }

        public string JobId { get; }

        /// <summary>The full model id the job was sent to.</summary>
        public string Model { get; }

        /// <summary>The model's short name (vidu-q3), or the id when it has none.</summary>
        public string ModelName { get; }

        public JobStatus Status { get { lock (_gate) { return _status; } } }

        /// <summary>The API's raw status number.</summary>
        public int? StatusCode { get { lock (_gate) { return _statusCode; } } }

        /// <summary>The image as given: path or URL.</summary>
        public string Source { get; }

        /// <summary>The source's file name (or the URL's last segment).</summary>
        public string SourceName => SourceNames.Leaf(Source);

        public string? Prompt { get; }

        /// <summary>What was sent, local images named by path rather than included.</summary>
        public JobArguments Arguments { get; }

        /// <summary>The amount charged, from the create response.</summary>
        public decimal? Amount { get; }

        public decimal? EstimatedCost { get; }

        /// <summary>What the job cost: nothing once refunded, else the amount charged when known, else the estimate.</summary>
        public decimal? Cost => Refunded ? 0m : Amount ?? EstimatedCost;

        public DateTimeOffset? SubmittedAt { get; }

        public DateTimeOffset? CompletedAt { get { lock (_gate) { return _completedAt; } } }

        /// <summary>When the service was last asked about this job.</summary>
        public DateTimeOffset? LastCheckedAt { get { lock (_gate) { return _lastCheckedAt; } } }

        /// <summary>The videos' addresses; prints as the URLs joined by "; ".</summary>
        public IReadOnlyList<string> OutputUrls { get { lock (_gate) { return _outputUrls; } } }

        /// <summary>Full paths of the downloaded outputs; prints as the paths joined by "; ".</summary>
        public IReadOnlyList<string> OutputFiles { get { lock (_gate) { return _outputFiles; } } }

        public string? Error { get { lock (_gate) { return _error; } } }

        /// <summary>True when a failed job's charge was returned.</summary>
        public bool Refunded { get { lock (_gate) { return _refunded; } } }

        /// <summary>The API endpoint the job lives on.</summary>
        public string Endpoint { get; }

        /// <summary>The journal key of the input the job was made from, when known.</summary>
        public string? InputKey { get; }

        /// <summary>The journal the job was created under or read from: waiting and saving record into it without being told again.</summary>
        internal Journal.JobJournal? Journal { get; set; }

        public bool IsFinal => JobStatusCodes.IsFinal(Status);

        /// <summary>
        /// Seconds from submission to completion (or to now while it runs), to the millisecond;
        /// null when the submission time is unknown. A number rather than a TimeSpan, so JSON and
        /// CSV carry it as one plain value.
        /// </summary>
        public double? ElapsedSeconds
        {
            get
            {
                if (!SubmittedAt.HasValue)
                {
                    return null;
                }

                var end = CompletedAt ?? DateTimeOffset.UtcNow;
                var elapsed = end - SubmittedAt.Value;
                return elapsed < TimeSpan.Zero ? 0 : Math.Round(elapsed.TotalSeconds, 3);
            }
        }

        /// <summary>Takes in what a query said. A final state is never replaced by a non-final one.</summary>
        internal void Apply(JobState state)
        {
            if (state == null)
            {
                throw new ArgumentNullException(nameof(state));
            }

            lock (_gate)
            {
                _lastCheckedAt = state.ObservedAt;
                if (JobStatusCodes.IsFinal(_status) && !state.IsFinal)
                {
                    return;
                }

                _status = state.Status;
                _statusCode = state.StatusCode;
                _outputUrls = new TextList(state.OutputUrls);
                _error = state.Error;
                _refunded = state.Refunded;
                if (state.IsFinal && !_completedAt.HasValue)
                {
                    _completedAt = state.ObservedAt;
                }
            }
        }

        /// <summary>Records the final state as a journal remembered it, with its original completion time.</summary>
        internal void Restore(JobState state, DateTimeOffset? completedAt)
        {
            Apply(state);
            lock (_gate)
            {
                if (completedAt.HasValue)
                {
                    _completedAt = completedAt;
                }
            }
        }

        /// <summary>Adds downloaded files (full paths) to <see cref="OutputFiles"/>.</summary>
        internal void AddOutputFiles(IEnumerable<string> paths)
        {
            lock (_gate)
            {
                _outputFiles = new TextList(_outputFiles.Concat(paths).Distinct(StringComparer.Ordinal));
            }
        }

        public override string ToString() => $"{JobId} ({ModelName}, {Status})";
    }
}
