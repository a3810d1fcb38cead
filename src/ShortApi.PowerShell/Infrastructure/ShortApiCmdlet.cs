using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using ShortApi.Errors;
using ShortApi.Journal;
using ShortApi.Transport;

namespace ShortApi.PowerShell.Infrastructure
{
    /// <summary>
    /// What every ShortApi cmdlet shares: Ctrl+C cancels one token that reaches every request;
    /// client log lines (written from any thread) are queued and written as Verbose/Debug/Warning
    /// only from the pipeline thread; client failures become ErrorRecords with stable ids.
    /// </summary>
    public abstract class ShortApiCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly ConcurrentQueue<(ClientLogLevel Level, string Text)> _log = new ConcurrentQueue<(ClientLogLevel, string)>();

        /// <summary>Cancelled when the user presses Ctrl+C.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        /// <summary>Where client log lines go; safe to call from any thread.</summary>
        internal Action<ClientLogLevel, string> LogSink => (level, text) => _log.Enqueue((level, text));

        protected override void StopProcessing() => _stopping.Cancel();

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

        /// <summary>The journal at a path given as the user means it; null when no path was given.</summary>
        internal JobJournal? OpenJournal(string? path) => path == null ? null : JobJournal.Open(ResolvePath(path));

        /// <summary>Stops the command when a journal it must read from was never written.</summary>
        internal void RequireExisting(JobJournal journal)
        {
            if (!journal.Exists)
            {
                ThrowFailure(
                    new ShortApiException(ShortApiErrorReason.JournalError, $"The journal {journal.Path} does not exist. Give the path New-ShortApiVideoJob -JournalPath wrote to."),
                    journal.Path);
            }
        }

        /// <summary>True once Ctrl+C was pressed.</summary>
        protected bool IsStopping => _stopping.IsCancellationRequested;
    }
}
