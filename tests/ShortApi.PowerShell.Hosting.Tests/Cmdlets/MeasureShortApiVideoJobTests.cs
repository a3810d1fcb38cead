using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using ShortApi.Pricing;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Cmdlets
{
    /// <summary>Measure-ShortApiVideoJob as a runbook drives it: estimates as objects, the checks of New-ShortApiVideoJob, no key.</summary>
    public sealed class MeasureShortApiVideoJobTests : ModuleTest
    {
        [Fact]
        public void Each_file_gets_one_estimate_and_the_batch_price_is_their_sum()
        {
            string stills = Folder.Stills();

            var result = Session.Run(
                "Get-ChildItem -Path $stills -Filter *.png | Measure-ShortApiVideoJob -Model pixverse-5.5 -Resolution 1080p -Duration 8",
                ("stills", stills)).AssertClean();

            var estimates = result.All<JobCostEstimate>();
            Assert.Equal(TestFolder.SampleStills, estimates.Select(e => e.SourceName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(estimates, e =>
            {
                Assert.Equal(0.680m, e.EstimatedCost);
                Assert.Equal("pixverse-5.5", e.Model);
                Assert.Equal("1080p", e.Settings["resolution"]);
                Assert.Equal("8", e.Settings["duration"]);
            });
            Assert.Equal(2.04m, estimates.Sum(e => e.EstimatedCost));
            Assert.Contains(typeof(JobCostEstimate), DeclaredOutputTypes("Measure-ShortApiVideoJob"));
        }

        [Fact]
        public void A_combination_the_model_refuses_fails_as_it_does_for_New_ShortApiVideoJob()
        {
            string still = Path.Combine(Folder.Stills(), "forest.png");

            var measured = Session.Run("Measure-ShortApiVideoJob -Model pixverse-5.5 -Resolution 1080p -Duration 10 -Image $still", ("still", still));
            var submitted = Session.Run("New-ShortApiVideoJob -Model pixverse-5.5 -Prompt waves -Resolution 1080p -Duration 10 -Image $still", ("still", still));

            var error = ShortApiAssert.SingleError(measured, "InvalidArgument", ErrorCategory.InvalidArgument);
            Assert.Equal(ShortApiAssert.SingleError(submitted, "InvalidArgument", ErrorCategory.InvalidArgument).ToString(), error.ToString());
            Assert.Empty(measured.Objects);
        }

        [Fact]
        public void Poppy_says_its_price_is_unknown_before_it_runs()
        {
            var result = Session.Run("Measure-ShortApiVideoJob -Model poppy-v1.0 -Image https://img.example/a.png").AssertClean();

            var estimate = Assert.Single(result.All<JobCostEstimate>());
            Assert.False(estimate.IsKnown);
            Assert.Null(estimate.EstimatedCost);
            Assert.Contains("no duration parameter", estimate.Basis, StringComparison.Ordinal);
        }
    }
}
