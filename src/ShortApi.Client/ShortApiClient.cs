using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Catalog;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.Pricing;
using ShortApi.Transport;
using ShortApi.Validation;

namespace ShortApi
{
    /// <summary>
    /// The ShortAPI client: validate and price jobs, submit them (one or a batch), follow them,
    /// and save their outputs. Safe to share between threads; every instance in a process shares
    /// one connection pool and, per endpoint, one query budget.
    /// </summary>
    public sealed class ShortApiClient
    {
        private readonly ApiTransport _transport;
        private readonly JobSubmitter _submitter;
        private readonly OutputDownloader _downloader;
        private readonly RequestBudget _budget;
        private readonly CreateThrottle _throttle;
        private readonly Jobs.Lengths.JobLengths _lengths;

        public ShortApiClient(ShortApiClientOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            _transport = new ApiTransport(options);
            _submitter = new JobSubmitter(_transport, options);
            _downloader = new OutputDownloader(options, _transport.Text);
            _budget = RequestBudget.For(_transport.BaseAddress, options.MaxQueriesPerSecond, options.Clock);
            _throttle = CreateThrottle.For(_transport.BaseAddress, options.Clock);
            _lengths = Jobs.Lengths.JobLengths.For(_transport.BaseAddress, options.Clock);
            _transport.RateLimited = SlowDown;
            Validator = new ArgumentValidator(options.Catalog);
        }

        public ShortApiClientOptions Options { get; }

        public ArgumentValidator Validator { get; }

        /// <summary>The API's base address.</summary>
        public Uri Endpoint => _transport.BaseAddress;

        /// <summary>Checks a request against its model and prices it; throws with every problem when it is not valid.</summary>
        public PreparedJob Prepare(JobRequest request) => Validator.Validate(request);

        /// <summary>The documented price of a model with these arguments (wire names), defaults filling the rest.</summary>
        public CostEstimate EstimateCost(string model, IEnumerable<KeyValuePair<string, object?>> arguments) => Validator.EstimateCost(model, arguments);

        /// <summary>
        /// Creates one job. With a journal the input is claimed first, and an input the journal
        /// already has is refused with <see cref="Errors.AlreadySubmittedException"/> unless forced.
        /// </summary>
        public Task<VideoJob> SubmitAsync(PreparedJob job, JobJournal? journal = null, bool force = false, CancellationToken cancellationToken = default) =>
            _submitter.SubmitAsync(job ?? throw new ArgumentNullException(nameof(job)), journal, force, cancellationToken);

        /// <summary>
        /// A batch that keeps creates in flight, as many as the service takes calmly and never more
        /// than <paramref name="throttleLimit"/> (null: <see cref="BatchSubmitter.DefaultThrottleLimit"/>),
        /// counting each against <paramref name="budget"/> when one is given.
        /// </summary>
        public BatchSubmitter StartBatch(int? throttleLimit = null, JobJournal? journal = null, bool force = false, CostBudget? budget = null, CancellationToken cancellationToken = default) =>
            new BatchSubmitter(_submitter, _throttle, throttleLimit, journal, force, budget, cancellationToken);

        /// <summary>One query of a job's state.</summary>
        public Task<JobState> QueryAsync(string jobId, CancellationToken cancellationToken = default) =>
            _transport.QueryAsync(CheckedId(jobId), cancellationToken);

        /// <summary>Queries a job and updates the object with what the service says.</summary>
        public async Task<VideoJob> RefreshAsync(VideoJob job, CancellationToken cancellationToken = default)
        {
            var state = await QueryAsync(job.JobId, cancellationToken).ConfigureAwait(false);
            job.Apply(state);
            return job;
        }

        /// <summary>
        /// Queries many jobs under the shared query budget, a few at a time, and updates each object;
        /// a job that has ended is recorded in <paramref name="journal"/>, else in the journal it came from.
        /// Returns each job with the error that kept it from being refreshed, if any, in the order given.
        /// </summary>
        public async Task<IReadOnlyList<(VideoJob Job, Errors.ShortApiException? Error)>> RefreshAllAsync(IEnumerable<VideoJob> jobs, JobJournal? journal = null, CancellationToken cancellationToken = default)
        {
            using var slots = new SemaphoreSlim(8);
            var tasks = jobs.Select(async job =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await _budget.WaitAsync(cancellationToken).ConfigureAwait(false);
                    await RefreshAsync(job, cancellationToken).ConfigureAwait(false);
                    RecordIfFinal(job, job.Journal ?? (journal?.FindJob(job.JobId) != null ? journal : null));
                    return (job, (Errors.ShortApiException?)null);
                }
                catch (Errors.ShortApiException ex)
                {
                    ex.Target ??= job.JobId;
                    return (job, ex);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            var results = await Task.WhenAll(tasks).ConfigureAwait(false);

            // A refused key or an empty balance fails every job alike: one error for all, not one per job.
            var stop = results.Select(r => r.Item2).FirstOrDefault(e => e != null && Failures.FailurePolicy.Judge(Failures.ApiOperation.Query, e) == Failures.FailureVerdict.StopEverything);
            return stop != null ? throw stop : results;
        }

        /// <summary>The service said 429 or 503: creates slow the batches' window, queries the query budget.</summary>
        private void SlowDown(Failures.ApiOperation operation, TimeSpan? retryAfter)
        {
            if (operation == Failures.ApiOperation.Create)
            {
                _throttle.SlowDown(retryAfter);
            }
            else
            {
                _budget.SlowDown(retryAfter);
            }
        }

        private void RecordIfFinal(VideoJob job, JobJournal? journal)
        {
            try
            {
                journal?.RecordFinal(job);
            }
            catch (Errors.ShortApiException ex)
            {
                Options.Log?.Invoke(ClientLogLevel.Warning, $"Job {job.JobId} ended, but the journal could not record it: {ex.Message}");
            }
        }

        /// <summary>A job object for an id known only by its id (no journal): model, source and cost unknown.</summary>
        public VideoJob JobFromId(string jobId) =>
            new VideoJob(CheckedId(jobId), string.Empty, null, string.Empty, null, null, null, null, null, Endpoint.AbsoluteUri.TrimEnd('/'));

        /// <summary>The id trimmed; one that cannot be a job id (empty, absurdly long, control characters) is refused.</summary>
        private static string CheckedId(string jobId)
        {
            string trimmed = (jobId ?? string.Empty).Trim();
            if (!JobIds.IsPlausible(trimmed))
            {
                throw new Errors.ShortApiException(Errors.ShortApiErrorReason.InvalidArgument, $"'{JobIds.Shown(trimmed)}' is not a job id: ids are 1 to {JobIds.MaxLength} characters without control characters, such as those New-ShortApiVideoJob returns.")
                {
                    Target = JobIds.Shown(trimmed),
                };
            }

            return trimmed;
        }

        /// <summary>A wait over many jobs; add jobs to it, then take its events as they come.</summary>
        public JobWaiter StartWait(WaitOptions options, CancellationToken cancellationToken = default) =>
            new JobWaiter(_transport, _downloader, _budget, _lengths, Options, options ?? new WaitOptions(), cancellationToken);

        /// <summary>Saves a finished job's outputs into <paramref name="directory"/>; existing files are kept unless <paramref name="overwrite"/>.</summary>
        public Task<IReadOnlyList<DownloadedFile>> DownloadAsync(VideoJob job, string directory, bool overwrite = false, CancellationToken cancellationToken = default) =>
            _downloader.DownloadAsync(job ?? throw new ArgumentNullException(nameof(job)), directory, overwrite, CancellationToken.None, cancellationToken);
    }
}
