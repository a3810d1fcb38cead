using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ShortApi.Errors;
using ShortApi.Jobs;
using ShortApi.Timing;

namespace ShortApi.Journal
{
    /// <summary>
    /// A JSON-lines record of every job a batch created and how each ended, appended and flushed
    /// line by line so a killed run loses nothing it had learned. Replaying it rebuilds the jobs
    /// and answers "was this input already submitted?", so a re-run submits only what is missing.
    /// One instance per file per process (see <see cref="Open"/>), shared by every thread and
    /// runspace; other processes may write the same file too.
    /// </summary>
    public sealed class JobJournal
    {
        private static readonly ConcurrentDictionary<string, JobJournal> OpenJournals = new ConcurrentDictionary<string, JobJournal>(PathComparer);

        private readonly object _gate = new object();
        private readonly JournalFile _file;
        private readonly IClock _clock;
        private readonly Dictionary<string, VideoJob> _jobs = new Dictionary<string, VideoJob>(StringComparer.Ordinal);
        private readonly List<VideoJob> _order = new List<VideoJob>();
        private readonly Dictionary<string, InputLookup> _inputs = new Dictionary<string, InputLookup>(StringComparer.Ordinal);
        private long _offset;

        private JobJournal(string fullPath, IClock clock)
        {
            _file = new JournalFile(fullPath);
            _clock = clock;
        }

        public string Path => _file.Path;

        private int _skipped;
        private bool _partialTail;

        /// <summary>Lines that are not journal records (a torn last write, say) and are skipped.</summary>
        public int SkippedLines
        {
            get { lock (_gate) { return _skipped + (_partialTail ? 1 : 0); } }
        }

        private static StringComparer PathComparer =>
            Environment.OSVersion.Platform == PlatformID.Win32NT ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        private static readonly int ProcessId = GetProcessId();

        /// <summary>This host and process, as claims name them.</summary>
        private static readonly string Claimant = $"{Environment.MachineName}:{ProcessId}";

        /// <summary>
        /// The journal at <paramref name="path"/>, shared with every other user of the same file in
        /// this process. Nothing is created until the first record is written (folder included).
        /// </summary>
        public static JobJournal Open(string path, IClock? clock = null)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException("A journal needs a path.", nameof(path));
            }

            var journal = OpenJournals.GetOrAdd(System.IO.Path.GetFullPath(path), p => new JobJournal(p, clock ?? SystemClock.Instance));
            journal.Refresh();
            return journal;
        }

        /// <summary>True once the journal's file exists.</summary>
        public bool Exists => File.Exists(Path);

        private static int GetProcessId()
        {
            using var process = Process.GetCurrentProcess();
            return process.Id;
        }

        /// <summary>
        /// A private instance that shares nothing in memory with other users of the file, as a
        /// separate process would have. For tests that play a killed run and its re-run.
        /// </summary>
        internal static JobJournal OpenIsolated(string path, IClock? clock = null)
        {
            var journal = new JobJournal(System.IO.Path.GetFullPath(path), clock ?? SystemClock.Instance);
            journal.Refresh();
            return journal;
        }

        /// <summary>Every job the journal knows, in the order they were created, with their latest recorded state.</summary>
        public IReadOnlyList<VideoJob> Jobs
        {
            get
            {
                Refresh();
                lock (_gate)
                {
                    return _order.ToList();
                }
            }
        }

        /// <summary>The job with this id, if the journal has it.</summary>
        public VideoJob? FindJob(string jobId)
        {
            Refresh();
            lock (_gate)
            {
                return _jobs.TryGetValue(jobId, out var job) ? job : null;
            }
        }

        /// <summary>What the journal knows of an input, including what other writers added since it was last read.</summary>
        public InputLookup Find(string inputKey)
        {
            Refresh();
            lock (_gate)
            {
                return Current(inputKey);
            }
        }

        /// <summary>
        /// How long a claim whose create never finished going out may stand before it is taken as
        /// abandoned (its run died mid-upload). A claim by a process of this machine that no longer
        /// runs is abandoned at once.
        /// </summary>
        public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>The input's state; a claim abandoned before its body was complete counts as free, since nothing can have been created.</summary>
        private InputLookup Current(string inputKey)
        {
            if (!_inputs.TryGetValue(inputKey, out var lookup))
            {
                return InputLookup.Free;
            }

            return lookup.Status == InputStatus.Pending && !lookup.BodySent && IsAbandoned(lookup) ? InputLookup.Free : lookup;
        }

        private bool IsAbandoned(InputLookup claim)
        {
            if (claim.At.HasValue && _clock.UtcNow - claim.At.Value > ClaimTimeout)
            {
                return true;
            }

            string[] parts = (claim.Claimant ?? string.Empty).Split(':');
            if (parts.Length != 2 || !string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase) || !int.TryParse(parts[1], out int pid))
            {
                return false; // another machine's claim: only time can tell
            }

            if (pid == ProcessId)
            {
                return false; // this very process: another thread or runspace is submitting it right now
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                return process.HasExited;
            }
            catch (ArgumentException)
            {
                return true; // no such process: the claimant is gone
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }

        /// <summary>
        /// Claims an input for submission, atomically across threads and processes: if the journal
        /// (re-read under the file lock) has no job and no claim for it, a Submitting line is
        /// written and the result has <see cref="InputLookup.ClaimedByCaller"/> set. Otherwise the
        /// existing state comes back and the caller must not send the create. <paramref name="force"/>
        /// claims it whatever the journal says (the user chose to submit it again).
        /// </summary>
        public InputLookup TryClaim(PreparedJob job, bool force = false)
        {
            lock (_gate)
            {
                return _file.Exclusive(stream =>
                {
                    CatchUp(stream, terminateTorn: true);
                    var existing = Current(job.InputKey);
                    if (!force && !existing.IsFree)
                    {
                        return existing;
                    }

                    var record = new JournalRecord
                    {
                        Type = JournalRecordType.Submitting,
                        At = _clock.UtcNow,
                        InputKey = job.InputKey,
                        Model = job.Model.Id,
                        Source = job.Source,
                        Claimant = Claimant,
                    };
                    Write(stream, record); // remembered as a plain Pending claim, which every later lookup sees
                    return new InputLookup(InputStatus.Pending, null, record.At, record.Claimant, null, claimedByCaller: true);
                });
            }
        }

        /// <summary>Marks the claimed input's create as about to be complete on the wire: from here on, the service may have it.</summary>
        public void RecordSent(PreparedJob job) =>
            Append(new JournalRecord { Type = JournalRecordType.Sent, At = _clock.UtcNow, InputKey = job.InputKey });

        /// <summary>Records a created job: everything needed to find, wait for and account for it later.</summary>
        public void RecordCreated(VideoJob job)
        {
            Append(new JournalRecord
            {
                Type = JournalRecordType.Created,
                At = _clock.UtcNow,
                InputKey = job.InputKey,
                JobId = job.JobId,
                Model = job.Model,
                ModelName = job.ModelName,
                Source = job.Source,
                Prompt = job.Prompt,
                Arguments = job.Arguments.ToList(),
                EstimatedCost = job.EstimatedCost,
                Amount = job.Amount,
                SubmittedAt = job.SubmittedAt,
                Endpoint = job.Endpoint,
            });
        }

        /// <summary>The create was refused with a clear answer: nothing exists, the input may be submitted again.</summary>
        public void RecordReleased(PreparedJob job, string reason) =>
            Append(new JournalRecord { Type = JournalRecordType.Released, At = _clock.UtcNow, InputKey = job.InputKey, Model = job.Model.Id, Source = job.Source, Error = reason });

        /// <summary>The create's outcome is unknown: a re-run reports the input instead of paying for it twice.</summary>
        public void RecordUnknown(PreparedJob job, string reason) =>
            Append(new JournalRecord { Type = JournalRecordType.Unknown, At = _clock.UtcNow, InputKey = job.InputKey, Model = job.Model.Id, Source = job.Source, Error = reason });

        /// <summary>Records a job's final state (once; later calls for the same state are ignored).</summary>
        public void RecordFinal(VideoJob job)
        {
            if (!job.IsFinal)
            {
                return;
            }

            Append(new JournalRecord
            {
                Type = JournalRecordType.Final,
                At = _clock.UtcNow,
                JobId = job.JobId,
                Status = job.Status,
                StatusCode = job.StatusCode,
                OutputUrls = job.OutputUrls,
                Error = job.Error,
                Refunded = job.Refunded,
                CompletedAt = job.CompletedAt,
            });
        }

        /// <summary>Records the files a job's outputs were saved to.</summary>
        public void RecordSaved(VideoJob job, IReadOnlyList<string> files) =>
            Append(new JournalRecord { Type = JournalRecordType.Saved, At = _clock.UtcNow, JobId = job.JobId, Files = files });

        /// <summary>Reads what other writers appended since the last read.</summary>
        public void Refresh()
        {
            lock (_gate)
            {
                var (lines, next, partialTail) = _file.ReadShared(_offset);
                Apply(lines);
                _offset = next;
                _partialTail = partialTail;
            }
        }

        private void Append(JournalRecord record)
        {
            lock (_gate)
            {
                _file.Exclusive(stream =>
                {
                    CatchUp(stream, terminateTorn: true);
                    Write(stream, record);
                    return true;
                });
            }
        }

        private void CatchUp(FileStream stream, bool terminateTorn)
        {
            var (lines, next, partialTail) = JournalFile.ReadLines(stream, _offset, terminateTorn);
            Apply(lines);
            _offset = next;
            _partialTail = partialTail;
        }

        /// <summary>Appends one line in one write and flushes it to the operating system, so a killed process cannot lose it.</summary>
        private void Write(FileStream stream, JournalRecord record)
        {
            byte[] line = JournalSerializer.ToLine(record);
            stream.Seek(0, SeekOrigin.End);
            stream.Write(line, 0, line.Length);
            stream.Flush();
            _offset = stream.Length;
            Apply(record);
        }

        private void Apply(List<byte[]> lines)
        {
            foreach (var line in lines)
            {
                if (line.Length == 0 || (line.Length == 1 && line[0] == (byte)'\r'))
                {
                    continue;
                }

                var record = JournalSerializer.FromLine(line);
                if (record == null)
                {
                    _skipped++;
                    continue;
                }

                Apply(record);
            }
        }

        private void Apply(JournalRecord record)
        {
            switch (record.Type)
            {
                case JournalRecordType.Submitting when record.InputKey != null:
                    _inputs[record.InputKey] = new InputLookup(InputStatus.Pending, null, record.At, record.Claimant, null);
                    break;
                case JournalRecordType.Sent when record.InputKey != null:
                    if (_inputs.TryGetValue(record.InputKey, out var claim) && claim.Status == InputStatus.Pending)
                    {
                        _inputs[record.InputKey] = new InputLookup(InputStatus.Pending, null, claim.At, claim.Claimant, null, bodySent: true);
                    }

                    break;
                case JournalRecordType.Released when record.InputKey != null:
                    _inputs[record.InputKey] = InputLookup.Free;
                    break;
                case JournalRecordType.Unknown when record.InputKey != null:
                    _inputs[record.InputKey] = new InputLookup(InputStatus.OutcomeUnknown, null, record.At, null, record.Error);
                    break;
                case JournalRecordType.Created when record.JobId != null:
                    var job = JobFor(record);
                    if (record.InputKey != null)
                    {
                        _inputs[record.InputKey] = new InputLookup(InputStatus.Submitted, job, record.At, null, null);
                    }

                    break;
                case JournalRecordType.Final when record.JobId != null && record.Status.HasValue:
                    if (_jobs.TryGetValue(record.JobId, out var finished))
                    {
                        finished.Restore(
                            new JobState(record.JobId, record.Status.Value, record.StatusCode, record.OutputUrls ?? Array.Empty<string>(), record.Error, record.Refunded ?? false, record.At),
                            record.CompletedAt);
                    }

                    break;
                case JournalRecordType.Saved when record.JobId != null && record.Files != null:
                    if (_jobs.TryGetValue(record.JobId, out var saved))
                    {
                        saved.AddOutputFiles(record.Files);
                    }

                    break;
            }
        }

        private VideoJob JobFor(JournalRecord record)
        {
            if (_jobs.TryGetValue(record.JobId!, out var known))
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
            _jobs[job.JobId] = job;
            _order.Add(job);
            return job;
        }

        /// <summary>Adds a job created in this process, so the journal hands out this same object afterwards.</summary>
        internal void Adopt(VideoJob job)
        {
            lock (_gate)
            {
                if (!_jobs.ContainsKey(job.JobId))
                {
                    _jobs[job.JobId] = job;
                    _order.Add(job);
                }
            }
        }
    }
}
