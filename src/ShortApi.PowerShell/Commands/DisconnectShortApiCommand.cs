using System.Management.Automation;
using ShortApi.PowerShell.Infrastructure;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>Forgets the key and settings Connect-ShortApi set; $env:SHORTAPI_KEY, if set, applies again.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ShortApi")]
    [OutputType(typeof(void))]
    public sealed class DisconnectShortApiCommand : ShortApiCmdlet
    {
        protected override void End()
        {
            ModuleSession.Disconnect();
            WriteVerbose("Disconnected from ShortAPI.");
        }
    }
}
