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

        /// <summary>Makes text that may echo the service or the key safe to show.</summary>
        public ServiceText Text => _transport.Text;

        /// <summary>
        /// The created job. Cancelling before the request went out in full gives an
        /// OperationCanceledException; cancelling after cannot take the request back, so it gives
        /// a <see cref="CreateOutcomeUnknownException"/>. <paramref name="stopUnlessSent"/> cancels
        /// only a create that has not gone out in full.
        /// </summary>
        public async Task<VideoJob> SubmitAsync(PreparedJob job, JobJournal? journal, bool force, CancellationToken cancellationToken, CancellationToken stopUnlessSent = default)
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
                created = await _transport.CreateAsync(job, journal == null ? null : () => journal.RecordSent(job), cancellationToken, stopUnlessSent).ConfigureAwait(false);
            }
            catch (CreateOutcomeUnknownException ex)
            {
                TryRecord(() => journal?.RecordUnknown(job, ex.Message));
                throw;
            }
            catch (OperationCanceledException)
            {
                // The transport turns a stop after the request went out in full into an unknown outcome: this one never did.
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
                // The original failure matters more. The claim stays: in progress while this process
                // runs, then free (or unknown, once a sent mark was written) for the next run.
            }
        }
    }
}
