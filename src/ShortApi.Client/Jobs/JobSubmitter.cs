using System;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Errors;
using ShortApi.Journal;
using ShortApi.Transport;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Sends one prepared job, keeping the journal in step: the input is claimed before the create
    /// goes out, then marked created, released (refused: nothing spent) or unknown (maybe spent).
    /// So whatever kills the run, a re-run knows which inputs it must not pay for again.
    /// </summary>
    internal sealed class JobSubmitter
    {
        private readonly ApiTransport _transport;
        private readonly ShortApiClientOptions _options;

        public JobSubmitter(ApiTransport transport, ShortApiClientOptions options)
        {
            _transport = transport;
            _options = options;
        }

        public async Task<VideoJob> SubmitAsync(PreparedJob job, JobJournal? journal, bool force, CancellationToken cancellationToken)
        {
            if (journal != null)
            {
                var claim = journal.TryClaim(job, force);
                if (!claim.ClaimedByCaller)
                {
                    throw AlreadySubmittedException.For(job, claim);
                }
            }

            CreatedJob created;
            try
            {
                // The "sent" mark goes to the journal before the request is complete, never after.
                Action? markSent = journal == null ? (Action?)null : () => journal.RecordSent(job);
                created = await _transport.CreateAsync(job, markSent, cancellationToken).ConfigureAwait(false);
            }
            catch (CreateOutcomeUnknownException ex)
            {
                journal?.RecordUnknown(job, ex.Message);
                throw;
            }
            catch (OperationCanceledException)
            {
                // Stopped mid-create: the service may or may not have the job.
                TryRecord(() => journal?.RecordUnknown(job, "The run was stopped while this create was in flight."));
                throw;
            }
            catch (ShortApiException ex)
            {
                // A clear refusal (or a connection that never opened): nothing was created.
                TryRecord(() => journal?.RecordReleased(job, ex.Message));
                throw;
            }

            var videoJob = new VideoJob(
                created.JobId,
                job.Model.Id,
                job.Model.DisplayName,
                job.Source,
                job.Prompt,
                new JobArguments(job.DisplayArguments),
                created.Amount,
                job.Estimate.Amount,
                _options.Clock.UtcNow,
                _transport.BaseAddress.AbsoluteUri.TrimEnd('/'),
                job.InputKey);

            if (journal != null)
            {
                try
                {
                    journal.RecordCreated(videoJob);
                    journal.Adopt(videoJob);
                }
                catch (ShortApiException ex)
                {
                    // The job exists and is paid for: hand it back, and say loudly that the journal missed it.
                    _options.Log?.Invoke(ClientLogLevel.Warning, $"Job {videoJob.JobId} for '{job.Source}' was created but could not be written to the journal: {ex.Message}");
                }
            }

            return videoJob;
        }

        private static void TryRecord(Action write)
        {
            try
            {
                write();
            }
            catch (ShortApiException)
            {
                // The original failure matters more; the claim stays and reads as "outcome unknown".
            }
        }
    }
}
