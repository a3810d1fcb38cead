using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using ShortApi.Errors;
using ShortApi.Jobs;
using ShortApi.Journal;
using ShortApi.Transport;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>
    /// What every ShortApi cmdlet shares. Ctrl+C cancels one token that reaches every request, and
    /// the cancellation it causes becomes a stopped pipeline here, in one place. Work done on other
    /// threads reaches the pipeline only through <see cref="Drain{T}"/> and the client log, both
    /// written from the pipeline thread. A ShortApiException that escapes a step stops the command
    /// with its stable ErrorId; failures of one input are written by the cmdlets as they go.
    /// </summary>
    public abstract class ShortApiCmdlet : PSCmdlet, IDisposable
    {
        /// <summary>How long the pipeline thread waits for background results before it looks up (progress, Ctrl+C).</summary>
        private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly ConcurrentQueue<(ClientLogLevel Level, string Text)> _log = new ConcurrentQueue<(ClientLogLevel, string)>();

        /// <summary>Cancelled when the user presses Ctrl+C.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        /// <summary>True once Ctrl+C was pressed.</summary>
        protected bool IsStopping => _stopping.IsCancellationRequested;

        /// <summary>Where client log lines go; safe to call from any thread.</summary>
        internal Action<ClientLogLevel, string> LogSink => (level, text) => _log.Enqueue((level, text));

        protected sealed override void BeginProcessing() => Guard(Begin);

        protected sealed override void ProcessRecord() => Guard(Process);

        protected sealed override void EndProcessing() => Guard(End);

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Runs once before the first input.</summary>
        protected virtual void Begin()
        {
        }

        /// <summary>Runs once per pipeline input.</summary>
        protected virtual void Process()
        {
        }

        /// <summary>Runs once after the last input.</summary>
        protected virtual void End()
        {
        }

        /// <summary>Called on the pipeline thread while draining, for a progress record; the cmdlet throttles it.</summary>
        protected virtual void ReportProgress()
        {
        }

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                _stopping.Cancel();
                _stopping.Dispose();
            }
        }

        /// <summary>
        /// Writes the results that background work has produced, from the pipeline thread, with the
        /// client's log lines between them. Without <paramref name="until"/> it takes only what has
        /// landed; with it, it waits (reporting progress each tick) until the condition holds or the
        /// results end.
        /// </summary>
        protected void Drain<T>(ResultQueue<T> results, Action<T> write, Func<bool>? until = null)
        {
            var wait = until == null ? TimeSpan.Zero : Tick;
            while (true)
            {
                FlushLog();
                while (results.TryTake(out var item, wait, StopToken))
                {
                    write(item);
                    FlushLog();
                    wait = TimeSpan.Zero;
                }

                ReportProgress();
                if (until == null || results.IsCompleted || until())
                {
                    FlushLog();
                    return;
                }

                wait = Tick;
            }
        }

        /// <summary>A non-terminating error for one input; the rest of the batch goes on.</summary>
        protected void WriteFailure(ShortApiException error, object? target = null) => WriteError(ToErrorRecord(error, target));

        /// <summary>A terminating error: the command stops.</summary>
        protected void ThrowFailure(ShortApiException error, object? target = null) => ThrowTerminatingError(ToErrorRecord(error, target));

        internal static ErrorRecord ToErrorRecord(ShortApiException error, object? target)
        {
            var record = new ErrorRecord(error, ErrorMapping.ErrorId(error.Reason), ErrorMapping.Category(error.Reason), target ?? error.Target);
            string? advice = ErrorMapping.RecommendedAction(error.Reason);
            if (advice != null)
            {
                record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = advice };
            }

            return record;
        }

        /// <summary>A path as the user means it: relative to their PowerShell location, not the process's.</summary>
        protected string ResolvePath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>The journal at a path given as the user means it; null when no path was given. Damage found in it is warned about once.</summary>
        internal JobJournal? OpenJournal(string? path, bool mustExist = false)
        {
            if (path == null)
            {
                return null;
            }

            string full = ResolvePath(path);
            if (System.IO.Directory.Exists(full))
            {
                throw new ShortApiException(ShortApiErrorReason.JournalError, $"The journal path {full} is a folder. Give a file in it, such as {System.IO.Path.Combine(full, "run.jsonl")}.") { Target = full };
            }

            var journal = JobJournal.Open(full);
            if (mustExist)
            {
                EnsureExists(journal);
            }

            WarnAboutDamage(journal);
            return journal;
        }

        /// <summary>Stops the command when a journal it must read from was never written.</summary>
        internal static void EnsureExists(JobJournal journal)
        {
            if (!journal.Exists)
            {
                throw new ShortApiException(ShortApiErrorReason.JournalError, $"The journal {journal.Path} does not exist. Give the path New-ShortApiVideoJob -JournalPath wrote to.") { Target = journal.Path };
            }
        }

        /// <summary>Says once which lines of a journal could not be read (a line cut short by a killed run is not damage).</summary>
        internal void WarnAboutDamage(JobJournal journal)
        {
            var lines = journal.TakeDamagedLines();
            if (lines.Count > 0)
            {
                string shown = string.Join(", ", lines.Count <= 20 ? lines : System.Linq.Enumerable.Take(lines, 20));
                WriteWarning($"The journal {journal.Path} has {lines.Count} line(s) that are not records, which were skipped: line {shown}{(lines.Count > 20 ? ", ..." : string.Empty)}. Was the file edited? What those lines said is not known to this run.");
            }
        }

        /// <summary>Writes queued client log lines. Call only from the pipeline thread.</summary>
        protected void FlushLog()
        {
            while (_log.TryDequeue(out var entry))
            {
                switch (entry.Level)
                {
                    case ClientLogLevel.Warning:
                        WriteWarning(entry.Text);
                        break;
                    case ClientLogLevel.Debug:
                        WriteDebug(entry.Text);
                        break;
                    default:
                        WriteVerbose(entry.Text);
                        break;
                }
            }
        }

        /// <summary>Runs one step: cancellation by Ctrl+C stops the pipeline, and a client failure nobody handled stops the command with its id.</summary>
        private void Guard(Action step)
        {
            try
            {
                step();
            }
            catch (OperationCanceledException) when (IsStopping)
            {
                throw new PipelineStoppedException();
            }
            catch (ShortApiException ex)
            {
                FlushLog();
                ThrowFailure(ex);
            }
        }
    }
}
