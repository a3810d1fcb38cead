using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
    /// The parts: <see cref="JournalFile"/> reads and writes lines, <see cref="JournalFold"/> turns
    /// records into state, <see cref="ClaimPolicy"/> says when a claim stands; this class keeps them in step.
    /// </summary>
    public sealed class JobJournal
    {
        private readonly object _gate = new object();
        private readonly JournalFile _file;
        private readonly IClock _clock;
        private readonly JournalState _state;
        private readonly ClaimPolicy _claims = new ClaimPolicy();
        private readonly List<int> _damagedLines = new List<int>();
        private int _damageReported;
        private long _offset;
        private int _linesRead;

        internal JobJournal(string fullPath, IClock clock)
        {
            _file = new JournalFile(fullPath);
            _clock = clock;
            _state = new JournalState(this);
        }

        public string Path => _file.Path;

        /// <summary>True once the journal's file exists.</summary>
        public bool Exists => File.Exists(Path);

        /// <summary>
        /// How long another machine's claim stands before it is taken as abandoned (its run died).
        /// Claims of this machine stand while their process runs, and fall when it has gone.
        /// </summary>
        public TimeSpan ClaimTimeout
        {
            get => _claims.ClaimTimeout;
            set => _claims.ClaimTimeout = value;
        }

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

            var journal = JournalRegistry.Get(System.IO.Path.GetFullPath(path), clock ?? SystemClock.Instance);
            journal.Refresh();
            return journal;
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
                    return _state.Order.ToList();
                }
            }
        }

        /// <summary>The job with this id from any journal this process has open, so an id typed alone still shows its model and source.</summary>
        public static VideoJob? FindInOpenJournals(string jobId) => JournalRegistry.All().Select(j => j.FindJob(jobId)).FirstOrDefault(j => j != null);

        /// <summary>The job with this id, if the journal has it.</summary>
        public VideoJob? FindJob(string jobId)
        {
            Refresh();
            lock (_gate)
            {
                return _state.Jobs.TryGetValue(jobId, out var job) ? job : null;
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
        /// Line numbers of lines that are not records (garbage, wrong types, a line broken in the
        /// middle of the file) not reported before; a record cut short by a killed writer is not
        /// damage and is not listed. Each line is handed out once per process.
        /// </summary>
        public IReadOnlyList<int> TakeDamagedLines()
        {
            Refresh();
            lock (_gate)
            {
                var fresh = _damagedLines.Skip(_damageReported).ToList();
                _damageReported = _damagedLines.Count;
                return fresh;
            }
        }

        /// <summary>
        /// Claims an input for submission, atomically across threads and processes: if the journal
        /// (re-read under the file lock) has no job and no claim for it, a Submitting line is
        /// written and the result has <see cref="InputLookup.ClaimedByCaller"/> set. Otherwise the
        /// existing state comes back and the caller must not send the create. <paramref name="force"/>
        /// claims it whatever the journal says (the user chose to submit it again).
        /// </summary>
        internal InputLookup TryClaim(PreparedJob job, bool force = false)
        {
            lock (_gate)
            {
                return _file.Exclusive(stream =>
                {
                    CatchUp(stream);
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
                        Claimant = ClaimPolicy.Claimant,
                    };
                    Write(stream, record); // remembered as a plain Pending claim, which every later lookup sees
                    return new InputLookup(InputStatus.Pending, null, record.At, record.Claimant, null, claimedByCaller: true);
                });
            }
        }

        /// <summary>Marks the claimed input's create as about to be complete on the wire: from here on, the service may have it.</summary>
        internal void RecordSent(PreparedJob job) =>
            Append(new JournalRecord { Type = JournalRecordType.Sent, At = _clock.UtcNow, InputKey = job.InputKey });

        /// <summary>Records a created job: everything needed to find, wait for and account for it later.</summary>
        internal void RecordCreated(VideoJob job)
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

        /// <summary>The create was refused, or called back before it went out in full: nothing exists, the input may be submitted again.</summary>
        internal void RecordReleased(PreparedJob job, string reason) =>
            Append(new JournalRecord { Type = JournalRecordType.Released, At = _clock.UtcNow, InputKey = job.InputKey, Model = job.Model.Id, Source = job.Source, Error = reason });

        /// <summary>The create's outcome is unknown: a re-run reports the input instead of paying for it twice.</summary>
        internal void RecordUnknown(PreparedJob job, string reason) =>
            Append(new JournalRecord { Type = JournalRecordType.Unknown, At = _clock.UtcNow, InputKey = job.InputKey, Model = job.Model.Id, Source = job.Source, Error = reason });

        /// <summary>Records a job's final state, once: when the journal already holds a final state for it, nothing is written.</summary>
        internal void RecordFinal(VideoJob job)
        {
            if (!job.IsFinal)
            {
                return;
            }

            var record = new JournalRecord
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
            };
            Append(record, unless: () => _state.FinalRecorded.Contains(job.JobId));
        }

        /// <summary>Records the files a job's outputs were saved to.</summary>
        internal void RecordSaved(VideoJob job, IReadOnlyList<string> files) =>
            Append(new JournalRecord { Type = JournalRecordType.Saved, At = _clock.UtcNow, JobId = job.JobId, Files = files });

        /// <summary>Reads what other writers appended since the last read.</summary>
        public void Refresh()
        {
            lock (_gate)
            {
                var read = _file.ReadShared(_offset);
                Apply(read.Lines);
                _offset = read.NextOffset;
            }
        }

        /// <summary>Adds a job created in this process, so the journal hands out this same object afterwards.</summary>
        internal void Adopt(VideoJob job)
        {
            lock (_gate)
            {
                JournalFold.Adopt(_state, job);
            }
        }

        /// <summary>The input's state; a claim abandoned before its body was complete counts as free, since nothing can have been created.</summary>
        private InputLookup Current(string inputKey) =>
            _state.Inputs.TryGetValue(inputKey, out var lookup) ? _claims.Current(lookup, _clock.UtcNow) : InputLookup.Free;

        /// <summary>Appends a record under the file lock, after reading what others wrote; skipped when <paramref name="unless"/> says so then.</summary>
        private void Append(JournalRecord record, Func<bool>? unless = null)
        {
            lock (_gate)
            {
                _file.Exclusive(stream =>
                {
                    CatchUp(stream);
                    if (unless == null || !unless())
                    {
                        Write(stream, record);
                    }

                    return true;
                });
            }
        }

        /// <summary>Reads under the exclusive lock, where a line without its newline can only be a dead writer's: it is ended first.</summary>
        private void CatchUp(FileStream stream)
        {
            var read = JournalFile.ReadLines(stream, _offset, terminateTorn: true);
            Apply(read.Lines);
            _offset = read.NextOffset;
        }

        /// <summary>Appends one line in one write and flushes it to the operating system, so a killed process cannot lose it.</summary>
        private void Write(FileStream stream, JournalRecord record)
        {
            byte[] line = JournalSerializer.ToLine(record);
            stream.Seek(0, SeekOrigin.End);
            stream.Write(line, 0, line.Length);
            stream.Flush();
            _offset = stream.Length;
            _linesRead++;
            JournalFold.Apply(_state, record);
        }

        private void Apply(List<byte[]> lines)
        {
            foreach (var line in lines)
            {
                _linesRead++;
                if (line.Length == 0 || (line.Length == 1 && line[0] == (byte)'\r'))
                {
                    continue;
                }

                var record = JournalSerializer.FromLine(line);
                if (record != null)
                {
                    JournalFold.Apply(_state, record);
                }
                else if (!JournalSerializer.IsTornWrite(line))
                {
                    _damagedLines.Add(_linesRead);
                }
            }
        }
    }
}
