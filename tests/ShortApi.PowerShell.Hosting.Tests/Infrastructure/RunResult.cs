using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>Everything one script run produced: each stream, the host's text, and the terminating error if one ended it.</summary>
    public sealed class RunResult
    {
        public RunResult(
            IReadOnlyList<PSObject> output,
            PSDataStreams streams,
            ErrorRecord? failure,
            Exception? exception,
            string hostText,
            PSInvocationState state)
        {
            Output = output;
            Errors = streams.Error.ToList();
            Warnings = streams.Warning.Select(w => w.Message).ToList();
            Verbose = streams.Verbose.Select(v => v.Message).ToList();
            Debug = streams.Debug.Select(d => d.Message).ToList();
            Progress = streams.Progress.ToList();
            Information = streams.Information.ToList();
            Failure = failure;
            Exception = exception;
            HostText = hostText;
            State = state;
        }

        public IReadOnlyList<PSObject> Output { get; }

        /// <summary>The objects written, unwrapped.</summary>
        public IReadOnlyList<object> Objects => Output.Select(o => o.BaseObject).ToList();

        public IReadOnlyList<ErrorRecord> Errors { get; }

        public IReadOnlyList<string> Warnings { get; }

        public IReadOnlyList<string> Verbose { get; }

        public IReadOnlyList<string> Debug { get; }

        public IReadOnlyList<ProgressRecord> Progress { get; }

        public IReadOnlyList<InformationRecord> Information { get; }

        /// <summary>The error record of the terminating error that ended the run, if one did.</summary>
        public ErrorRecord? Failure { get; }

        /// <summary>The exception that ended the run (a stop, or a terminating error), if any.</summary>
        public Exception? Exception { get; }

        /// <summary>What was written to the host while this run went (What if: lines, prompts).</summary>
        public string HostText { get; }

        public PSInvocationState State { get; }

        /// <summary>The output objects of type <typeparamref name="T"/>; fails if any output is of another type.</summary>
        public IReadOnlyList<T> All<T>()
        {
            var wrong = Objects.Where(o => o is not T).ToList();
            if (wrong.Count > 0)
            {
                throw new InvalidOperationException($"Expected only {typeof(T).Name} output; got {string.Join(", ", wrong.Select(w => w.GetType().FullName))}.");
            }

            return Objects.Cast<T>().ToList();
        }

        /// <summary>Fails with every error the run wrote, for tests of runs that must go cleanly.</summary>
        public RunResult AssertClean()
        {
            if (Failure != null || Exception != null || Errors.Count > 0)
            {
                var texts = Errors.Select(e => e.FullyQualifiedErrorId + ": " + e).ToList();
                if (Exception != null)
                {
                    texts.Add("terminating: " + (Failure?.FullyQualifiedErrorId ?? Exception.GetType().Name) + ": " + Exception.Message);
                }

                throw new InvalidOperationException("The run was not clean:\n" + string.Join("\n", texts));
            }

            return this;
        }
    }
}
