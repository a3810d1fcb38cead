using System.Management.Automation;
using ShortApi.PowerShell.Binding;
using ShortApi.PowerShell.Infrastructure;
using ShortApi.Pricing;

namespace ShortApi.PowerShell.Commands
{
    /// <summary>
    /// Prices the jobs New-ShortApiVideoJob would submit, one object per input, without sending
    /// anything: the same parameters, binding and checks (it shares their base class), no key.
    /// -WhatIf prints its estimates to the host; these are objects a runbook can add up.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "ShortApiVideoJob")]
    [OutputType(typeof(JobCostEstimate))]
    public sealed class MeasureShortApiVideoJobCommand : VideoJobCmdlet
    {
        /// <summary>What should happen in the video; checked when given, not needed for a price.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [NotGivenWhenEmpty]
        public override string? Prompt { get; set; }

        protected override bool PromptRequired => false;

        protected override void Process()
        {
            foreach (var job in PrepareJobs())
            {
                WriteObject(JobCostEstimate.For(job));
            }
        }
    }
}
