using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace ShortApi.PowerShell.Hosting.Tests.Infrastructure
{
    /// <summary>A PowerShell host for the tests: en-US, no console, its UI recording what is written.</summary>
    public sealed class RecordingHost : PSHost
    {
        private readonly Guid _id = Guid.NewGuid();

        public RecordingHostUserInterface Recorder { get; } = new RecordingHostUserInterface();

        public override CultureInfo CurrentCulture => CultureInfo.GetCultureInfo("en-US");

        public override CultureInfo CurrentUICulture => CultureInfo.GetCultureInfo("en-US");

        public override Guid InstanceId => _id;

        public override string Name => "ShortApiHostingTests";

        public override PSHostUserInterface UI => Recorder;

        public override Version Version => new Version(1, 0);

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        public override void SetShouldExit(int exitCode)
        {
        }
    }
}
