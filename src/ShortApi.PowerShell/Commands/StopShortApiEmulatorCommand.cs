using System.Management.Automation;
using ShortApi.PowerShell.Infrastructure;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>Stops the session's emulator and, if the session was connected to it, disconnects.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "ShortApiEmulator")]
    [OutputType(typeof(void))]
    public sealed class StopShortApiEmulatorCommand : ShortApiCmdlet
    {
        protected override void End()
        {
            var stopped = ModuleSession.StopEmulator();
            if (stopped == null)
            {
                WriteVerbose("No emulator was running.");
                return;
            }

            WriteVerbose($"Stopped the emulator at {stopped.BaseAddress} after {stopped.Stats.JobsCreated} job(s).");
        }
    }
}
