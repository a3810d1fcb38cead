using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>A script started with BeginInvoke, to be stopped (as Ctrl+C does) or waited for.</summary>
    public sealed class RunningScript : IDisposable
    {
        private readonly System.Management.Automation.PowerShell _shell;
        private readonly PSDataCollection<PSObject> _output = new PSDataCollection<PSObject>();
        private readonly IAsyncResult _handle;
        private readonly Func<string> _hostText;

        internal RunningScript(System.Management.Automation.PowerShell shell, Func<string> hostText)
        {
            _shell = shell;
            _hostText = hostText;
            // Output goes to a collection of ours, so what was written before a terminating error is kept.
            _handle = shell.BeginInvoke<PSObject, PSObject>(null, _output);
        }

        public PSInvocationState State => _shell.InvocationStateInfo.State;

        public bool IsCompleted => _handle.IsCompleted;

        /// <summary>Output written so far.</summary>
        public int OutputCount => _output.Count;

        /// <summary>Stops the run as Ctrl+C would; returns how long Stop() took to return.</summary>
        public TimeSpan Stop()
        {
            var watch = Stopwatch.StartNew();
            _shell.Stop();
            return watch.Elapsed;
        }

        /// <summary>Waits for the run to end and returns what it produced.</summary>
        public RunResult Wait(TimeSpan? timeout = null)
        {
            if (!_handle.AsyncWaitHandle.WaitOne(timeout ?? TimeSpan.FromSeconds(120)))
            {
                _shell.Stop();
                throw new TimeoutException("The script did not finish in time; it was stopped.");
            }

            ErrorRecord? failure = null;
            Exception? exception = null;
            try
            {
                _shell.EndInvoke(_handle);
            }
            catch (RuntimeException ex)
            {
                exception = ex;
                failure = ex is PipelineStoppedException ? null : ex.ErrorRecord;
            }

            return new RunResult(_output.ToList(), _shell.Streams, failure, exception, _hostText(), _shell.InvocationStateInfo.State);
        }

        public void Dispose() => _shell.Dispose();
    }
}
