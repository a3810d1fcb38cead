using System;
using ShortApi.Jobs;

namespace ShortApi.Journal
{
    /// <summary>
    /// Folds journal records into a <see cref="JournalState"/>, one at a time, in file order. Pure:
    /// no file, no clock, no process; the same records always give the same state.
    /// </summary>
    internal static class JournalFold
    {
        public static void Apply(JournalState state, JournalRecord record)
        {
            switch (record.Type)
            {
                case JournalRecordType.Submitting when record.InputKey != null:
                    // A forced claim over a job or an unknown outcome remembers it: a refusal must not forget it.
                    state.Inputs.TryGetValue(record.InputKey, out var before);
                    var previous = before != null && (before.Status == InputStatus.Submitted || before.Status == InputStatus.OutcomeUnknown) ? before : before?.Previous;
                    state.Inputs[record.InputKey] = new InputLookup(InputStatus.Pending, null, record.At, record.Claimant, null, previous: previous);
                    break;
                case JournalRecordType.Sent when record.InputKey != null:
                    if (state.Inputs.TryGetValue(record.InputKey, out var claim) && claim.Status == InputStatus.Pending)
                    {
                        state.Inputs[record.InputKey] = new InputLookup(InputStatus.Pending, null, claim.At, claim.Claimant, null, bodySent: true, previous: claim.Previous);
                    }

                    break;
                case JournalRecordType.Released when record.InputKey != null:
                    state.Inputs.TryGetValue(record.InputKey, out var released);
                    state.Inputs[record.InputKey] = released?.Previous ?? InputLookup.Free;
                    break;
                case JournalRecordType.Unknown when record.InputKey != null:
                    state.Inputs[record.InputKey] = new InputLookup(InputStatus.OutcomeUnknown, null, record.At, null, record.Error);
                    break;
                case JournalRecordType.Created when record.JobId != null:
                    var job = JobFor(state, record);
                    if (record.InputKey != null)
                    {
                        state.Inputs[record.InputKey] = new InputLookup(InputStatus.Submitted, job, record.At, null, null);
                    }

                    break;
                case JournalRecordType.Final when record.JobId != null && record.Status.HasValue:
                    state.FinalRecorded.Add(record.JobId);
                    if (state.Jobs.TryGetValue(record.JobId, out var finished))
                    {
                        finished.Restore(
                            new JobState(record.JobId, record.Status.Value, record.StatusCode, record.OutputUrls ?? Array.Empty<string>(), record.Error, record.Refunded ?? false, record.At),
                            record.CompletedAt);
                    }

                    break;
                case JournalRecordType.Saved when record.JobId != null && record.Files != null:
                    if (state.Jobs.TryGetValue(record.JobId, out var saved))
                    {
                        saved.AddOutputFiles(record.Files);
                    }

                    break;
            }
        }

        /// <summary>Adds a job created in this process, so the journal hands out this same object afterwards.</summary>
        public static void Adopt(JournalState state, VideoJob job)
        {
            if (!state.Jobs.ContainsKey(job.JobId))
            {
                state.Jobs[job.JobId] = job;
                state.Order.Add(job);
            }

            job.Journal ??= state.Owner;
        }

        private static VideoJob JobFor(JournalState state, JournalRecord record)
        {
            if (state.Jobs.TryGetValue(record.JobId!, out var known))
            {
                return known;
            }

            var job = new VideoJob(
                record.JobId!,
                record.Model ?? string.Empty,
                record.ModelName,
                record.Source ?? string.Empty,
                record.Prompt,
                record.Arguments == null ? null : new JobArguments(record.Arguments),
                record.Amount,
                record.EstimatedCost,
                record.SubmittedAt ?? record.At,
                record.Endpoint ?? string.Empty,
                record.InputKey);
            Adopt(state, job);
            return job;
        }
    }
}
