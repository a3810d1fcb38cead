using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using ShortApi.Jobs;
using ShortApi.Journal;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>
    /// The pipeline the cmdlets run, on one thread as a PowerShell pipeline does: each input is
    /// validated and started in a <see cref="BatchSubmitter"/> (as many in flight as it allows),
    /// each created job is handed to one <see cref="JobWaiter"/> as soon as its create lands, and
    /// the waiter's events are taken until it is done (downloads included when a folder is given).
    /// </summary>
    internal static class BatchPipeline
    {
        /// <summary>No run here should come near this; past it the run has hung and is stopped.</summary>
        private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

        private static readonly TimeSpan EventWait = TimeSpan.FromMilliseconds(250);

        /// <summary>A slot also frees when a Retry-After passes, with no result to announce it: look again this often.</summary>
        private static readonly TimeSpan SlotWait = TimeSpan.FromMilliseconds(50);

        /// <summary>
        /// Runs the batch at <paramref name="throttle"/> (null: the module's default, adaptive) into
        /// <paramref name="downloadDirectory"/> (null: no downloads), recording into <paramref name="journal"/> when one is given.
        /// <paramref name="submitPhaseEnded"/> is called on the pipeline's thread once every create has landed.
        /// </summary>
        public static PipelineOutcome Run(ShortApiClient client, IReadOnlyList<string> images, int? throttle, string? downloadDirectory, JobJournal? journal = null, Action? submitPhaseEnded = null)
        {
            using var stop = new CancellationTokenSource(Patience);
            var token = stop.Token;
            var outcome = new PipelineOutcome();
            var wall = Stopwatch.StartNew();

            using var waiter = client.StartWait(new WaitOptions { DownloadDirectory = downloadDirectory, Journal = journal }, token);
            using (var batch = client.StartBatch(throttle, journal, cancellationToken: token))
            {
                foreach (string image in images)
                {
                    var job = BenchClient.Prepare(client, image);

                    // Hand over whatever landed meanwhile, then make room if the batch is full.
                    TakeResults(batch, waiter, outcome, TimeSpan.Zero, token);
                    while (!batch.HasFreeSlot)
                    {
                        TakeResults(batch, waiter, outcome, SlotWait, token);
                    }

                    batch.Start(job);
                    TakeEvents(waiter, outcome, TimeSpan.Zero, token);
                }

                batch.CompleteAdding();
                foreach (var result in batch.Results.TakeAll(token))
                {
                    Accept(result, waiter, outcome);
                }

                outcome.PeakCreatesInFlight = batch.PeakInFlight;
                outcome.ThrottleCeiling = batch.ThrottleLimit;
            }

            outcome.SubmitPhase = wall.Elapsed;
            submitPhaseEnded?.Invoke();

            waiter.CompleteAdding();
            while (!waiter.Events.IsCompleted)
            {
                TakeEvents(waiter, outcome, EventWait, token);
            }

            outcome.Wall = wall.Elapsed;
            outcome.Queries = waiter.Progress.Queries;
            return outcome;
        }

        /// <summary>Takes every result already there, waiting up to <paramref name="wait"/> for the first.</summary>
        private static void TakeResults(BatchSubmitter batch, JobWaiter waiter, PipelineOutcome outcome, TimeSpan wait, CancellationToken token)
        {
            while (batch.Results.TryTake(out var result, wait, token))
            {
                Accept(result, waiter, outcome);
                wait = TimeSpan.Zero;
            }
        }

        private static void Accept(SubmissionResult result, JobWaiter waiter, PipelineOutcome outcome)
        {
            if (result.Created != null)
            {
                outcome.Created++;
                waiter.Add(result.Created);
            }
            else
            {
                outcome.Problems.Add($"create of {result.Job.Source}: {result.Error?.Message}");
            }
        }

        private static void TakeEvents(JobWaiter waiter, PipelineOutcome outcome, TimeSpan wait, CancellationToken token)
        {
            while (waiter.Events.TryTake(out var waitEvent, wait, token))
            {
                outcome.Record(waitEvent);
                wait = TimeSpan.Zero;
            }
        }
    }

    /// <summary>What one pipeline run did, as the client saw it.</summary>
    internal sealed class PipelineOutcome
    {
        public TimeSpan Wall { get; set; }

        /// <summary>From the first input to the last create landing.</summary>
        public TimeSpan SubmitPhase { get; set; }

        public int Created { get; set; }

        public int Succeeded { get; private set; }

        public int Failed { get; private set; }

        /// <summary>Files the waiter reported saved.</summary>
        public int FilesSaved { get; private set; }

        public int Warnings { get; private set; }

        public long Queries { get; set; }

        public int PeakCreatesInFlight { get; set; }

        /// <summary>The batch's ceiling: the throttle given, or the module's default.</summary>
        public int ThrottleCeiling { get; set; }

        /// <summary>Every failed create, failed job or lost job, for the report.</summary>
        public List<string> Problems { get; } = new List<string>();

        public void Record(WaitEvent waitEvent)
        {
            switch (waitEvent.Kind)
            {
                case WaitEventKind.Warning:
                    Warnings++;
                    break;
                case WaitEventKind.Ended when waitEvent.Error == null && waitEvent.Job?.Status == JobStatus.Succeeded:
                    Succeeded++;
                    FilesSaved += waitEvent.Files.Count;
                    break;
                default:
                    Failed++;
                    Problems.Add($"{waitEvent.Kind} {waitEvent.Job?.JobId}: {waitEvent.Error?.Message ?? waitEvent.Job?.Error}");
                    break;
            }
        }
    }
}
