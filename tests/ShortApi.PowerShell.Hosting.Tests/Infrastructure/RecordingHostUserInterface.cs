using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>
    /// A host UI that records everything written to it (the "What if:" lines go here, not to a
    /// stream) and answers choice prompts (-Confirm) with a set label. It never reads input: a
    /// command that asks for text fails instead of hanging the test run.
    /// </summary>
    public sealed class RecordingHostUserInterface : PSHostUserInterface
    {
        private readonly object _gate = new object();
        private readonly StringBuilder _text = new StringBuilder();
        private readonly List<HostChoice> _choices = new List<HostChoice>();
        private readonly RecordingRawUserInterface _raw = new RecordingRawUserInterface();

        /// <summary>The label (without its '&amp;') chosen at every choice prompt, such as "No" or "Yes".</summary>
        public string ChoiceAnswer { get; set; } = "No";

        /// <summary>Called at each choice prompt before it is answered.</summary>
        public Action<HostChoice>? OnChoice { get; set; }

        /// <summary>Everything written to the host, as one text.</summary>
        public string Text
        {
            get { lock (_gate) { return _text.ToString(); } }
        }

        /// <summary>Everything written to the host, line by line.</summary>
        public IReadOnlyList<string> Lines => Text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();

        public IReadOnlyList<HostChoice> Choices
        {
            get { lock (_gate) { return _choices.ToList(); } }
        }

        public override PSHostRawUserInterface RawUI => _raw;

        public override void Write(string value) => Append(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

        public override void WriteLine(string value) => Append(value + "\n");

        public override void WriteErrorLine(string value) => Append(value + "\n");

        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");

        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");

        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            int index = choices.ToList().FindIndex(c => c.Label.Replace("&", string.Empty, StringComparison.Ordinal) == ChoiceAnswer);
            if (index < 0)
            {
                throw new InvalidOperationException($"The prompt '{caption}' offers no '{ChoiceAnswer}' ({string.Join(", ", choices.Select(c => c.Label))}).");
            }

            var choice = new HostChoice(caption, message, ChoiceAnswer);
            lock (_gate)
            {
                _choices.Add(choice);
            }

            OnChoice?.Invoke(choice);
            return index;
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new InvalidOperationException($"The test host does not answer prompts for values: {caption} {message}");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new InvalidOperationException("The test host does not answer credential prompts.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new InvalidOperationException("The test host does not answer credential prompts.");

        public override string ReadLine() => throw new InvalidOperationException("The test host does not read input.");

        public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("The test host does not read input.");

        private void Append(string value)
        {
            lock (_gate)
            {
                _text.Append(value);
            }
        }
    }
}
