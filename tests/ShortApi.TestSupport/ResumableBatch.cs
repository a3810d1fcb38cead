using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using ShortApi.Errors;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Journal;

namespace ShortApi.TestSupport
{
    /// <summary>
    /// The batch a runbook runs, at client level: submit every image not yet in the journal
    /// (up to a throttle in flight), hand each job to one wait as it is created (jobs already in
    /// the journal too), download each as it ends. Prints "created", "all-created" and "saved"
    /// lines so a test watching it can kill it at a chosen point.
    /// </summary>
    public sealed class ResumableBatch
    {
        private readonly ShortApiClient _client;
        private readonly JobJournal _journal;
        private readonly string _outputDirectory;
        private readonly int _throttle;
        private readonly TextWriter _progress;

        public ResumableBatch(ShortApiClient client, JobJournal journal, string outputDirectory, int throttle, TextWriter? progress = null)
        {
            _client = client;
            _journal = journal;
            _outputDirectory = outputDirectory;
            _throttle = throttle;
            _progress = progress ?? TextWriter.Null;
        }

        /// <summary>The prompt each image is sent with: distinct per image, so the emulator's jobs can be told apart.</summary>
        public static string PromptFor(string imagePath) => "still " + Path.GetFileNameWithoutExtension(imagePath);

        public static PreparedJob Prepare(ShortApiClient client, string imagePath) =>
            client.Prepare(new JobRequest("vidu-q3") { Prompt = PromptFor(imagePath), Image = ImageInput.FromFile(imagePath) });

        public BatchOutcome Run(IEnumerable<string> imagePaths, CancellationToken cancellationToken = default)
        {
            var outcome = new BatchOutcome();
            using var waiter = _client.StartWait(new WaitOptions { DownloadDirectory = _outputDirectory, Journal = _journal }, cancellationToken);
            using var batch = _client.StartBatch(_throttle, _journal, force: false, cancellationToken: cancellationToken);

            foreach (string path in imagePaths)
            {
                var job = Prepare(_client, path);
                var lookup = _journal.Find(job.InputKey);
                if (lookup.Status == InputStatus.Submitted)
                {
                    outcome.AlreadyInJournal++;
                    waiter.Add(lookup.Job!);
                    continue;
                }

                if (!lookup.IsFree)
                {
                    outcome.Unknown.Add(path);
                    continue;
                }

                while (!batch.HasFreeSlot)
                {
                    TakeCreated(batch, waiter, outcome, TimeSpan.FromSeconds(30), cancellationToken);
                }

                batch.Start(job);

                // Hand each created job on at once: the wait should start on it while others are still being submitted.
                while (batch.Results.TryTake(out var landed, TimeSpan.Zero, cancellationToken))
                {
                    Handle(landed, waiter, outcome);
                }
            }

            batch.CompleteAdding();
            while (!batch.Results.IsCompleted)
            {
                TakeCreated(batch, waiter, outcome, TimeSpan.FromMilliseconds(200), cancellationToken);
            }

            _progress.WriteLine("all-created");
            _progress.Flush();
            waiter.CompleteAdding();
            foreach (var e in waiter.Events.TakeAll(cancellationToken))
            {
                if (e.Kind == WaitEventKind.Ended && e.Error == null)
                {
                    outcome.Files.AddRange(e.Files.Select(f => f.Path));
                    _progress.WriteLine("saved " + e.Job!.JobId);
                    _progress.Flush();
                }
                else if (e.Kind != WaitEventKind.Warning)
                {
                    outcome.Failures.Add(e.Message ?? e.Kind.ToString());
                }
            }

            return outcome;
        }

        private void TakeCreated(BatchSubmitter batch, JobWaiter waiter, BatchOutcome outcome, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (batch.Results.TryTake(out var result, timeout, cancellationToken))
            {
                Handle(result, waiter, outcome);
            }
        }

        private void Handle(SubmissionResult result, JobWaiter waiter, BatchOutcome outcome)
        {
            if (result.Succeeded)
            {
                outcome.Created++;
                waiter.Add(result.Created!);
                _progress.WriteLine($"created {result.Created!.JobId}");
                _progress.Flush();
            }
            else if (result.Error!.Reason == ShortApiErrorReason.CreateOutcomeUnknown || result.Error is AlreadySubmittedException)
            {
                outcome.Unknown.Add(result.Job.Source);
            }
            else
            {
                outcome.Failures.Add(result.Error.Message);
            }
        }
    }
}
