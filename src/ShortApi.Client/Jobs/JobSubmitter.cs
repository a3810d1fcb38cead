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
    /// goes out, marked sent just before its last bytes do, then marked created, released (refused,
    /// or called back before it was complete: nothing spent) or unknown (it went out in full and no
    /// clear answer came: maybe spent). So whatever kills the run, a re-run knows which inputs it
    /// must not pay for again.
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

        /// <summary>
        /// The created job. Cancelling before the request went out in full gives an
        /// OperationCanceledException; cancelling after cannot take the request back, so it gives
        /// a <see cref="CreateOutcomeUnknownException"/>.
        /// </summary>
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

            bool sentInFull = false;
            CreatedJob created;
            try
            {
                // The "sent" mark goes to the journal before the request is complete, never after.
                created = await _transport.CreateAsync(
                    job,
                    () =>
                    {
                        sentInFull = true;
                        journal?.RecordSent(job);
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (CreateOutcomeUnknownException ex)
            {
                TryRecord(() => journal?.RecordUnknown(job, ex.Message));
                throw;
            }
            catch (OperationCanceledException ex) when (sentInFull)
            {
                string message = $"The create request for '{job.DisplaySource}' ({job.Model.DisplayName}) was stopped after it had gone out in full. " +
                    "The job may exist and may have been charged, so it was not sent again. Check your ShortAPI job list before submitting it again.";
                TryRecord(() => journal?.RecordUnknown(job, message));
                throw new CreateOutcomeUnknownException(message, job.Model.Id, job.Source, job.DisplayArguments, job.InputKey, ex);
            }
            catch (OperationCanceledException)
            {
                TryRecord(() => journal?.RecordReleased(job, "Stopped before the create request went out in full."));
                throw;
            }
            catch (ShortApiException ex)
            {
                // A clear refusal, or a request that never went out in full: nothing was created.
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
                    _options.Log?.Invoke(ClientLogLevel.Warning, $"Job {videoJob.JobId} for '{job.DisplaySource}' was created but could not be written to the journal: {ex.Message}");
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
