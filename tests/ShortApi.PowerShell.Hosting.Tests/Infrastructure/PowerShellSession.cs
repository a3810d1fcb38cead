using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>
    /// A runspace with the recording host and the laid-out module imported, as a user's session
    /// would have after Import-Module. Scripts run in it see the variables set with <see cref="Set"/>.
    /// </summary>
    public sealed class PowerShellSession : IDisposable
    {
        private readonly Runspace _runspace;

        public PowerShellSession()
        {
            var state = InitialSessionState.CreateDefault2();
            if (OperatingSystem.IsWindows())
            {
                state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass; // the manifest is a script file
            }

            _runspace = RunspaceFactory.CreateRunspace(Host, state);
            _runspace.Open();
            Run("Import-Module -Name $manifest -ErrorAction Stop", ("manifest", ModuleFolder.Manifest)).AssertClean();
        }

        public RecordingHost Host { get; } = new RecordingHost();

        public RecordingHostUserInterface Recorder => Host.Recorder;

        /// <summary>Sets a variable for the scripts that follow.</summary>
        public PowerShellSession Set(string name, object? value)
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
            return this;
        }

        /// <summary>
        /// Runs a script to its end and returns every stream it wrote. The script runs inside
        /// try/catch, as in a user's script: a terminating error ends it and comes back as
        /// <see cref="RunResult.Failure"/> (not in the error stream); non-terminating errors are in
        /// <see cref="RunResult.Errors"/> and the script goes on.
        /// </summary>
        public RunResult Run(string script, params (string Name, object? Value)[] variables)
        {
            using var running = Start(script, variables);
            return running.Wait();
        }

        /// <summary>Starts a script and returns at once, to stop it mid-way.</summary>
        public RunningScript Start(string script, params (string Name, object? Value)[] variables)
        {
            foreach (var (name, value) in variables)
            {
                Set(name, value);
            }

            var shell = System.Management.Automation.PowerShell.Create();
            shell.Runspace = _runspace;
            shell.AddScript("try {\n" + script + "\n} catch { throw }");
            int mark = Recorder.Text.Length;
            return new RunningScript(shell, () => Recorder.Text.Substring(mark));
        }

        /// <summary>What tab completion offers at the end of <paramref name="input"/>.</summary>
        public IReadOnlyList<string> Complete(string input)
        {
            using var shell = System.Management.Automation.PowerShell.Create();
            shell.Runspace = _runspace;
            var completion = CommandCompletion.CompleteInput(input, input.Length, new System.Collections.Hashtable(), shell);
            return completion.CompletionMatches.Select(m => m.CompletionText).ToList();
        }

        public void Dispose() => _runspace.Dispose();
    }
}
