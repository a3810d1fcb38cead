using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.Emulator.Faults;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Errors
{
    /// <summary>The key and the endpoint: a missing, refused or unpaid key stops the command; so does an insecure endpoint.</summary>
    public sealed class ConnectionErrorTests : ModuleTest
    {
        private const string Batch = "Get-ChildItem -Path $stills -Filter *.png | Sort-Object Name | New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -ThrottleLimit 1";

        [Fact]
        public void No_key_anywhere_stops_with_MissingApiKey_saying_every_way_to_set_one()
        {
            var result = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png");

            var error = ShortApiAssert.Terminated(result, "MissingApiKey", ErrorCategory.AuthenticationError);
            foreach (string way in new[] { "-ApiKey", "Connect-ShortApi", "$env:SHORTAPI_KEY" })
            {
                Assert.Contains(way, error.Exception.Message, StringComparison.Ordinal);
            }

            // Said once: the advice is the message, not repeated as its own recommendation.
            if (error.ErrorDetails?.RecommendedAction is string advice)
            {
                Assert.DoesNotContain("Connect-ShortApi", advice, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void A_plain_http_endpoint_that_is_not_loopback_stops_with_InsecureEndpoint_before_any_request()
        {
            StartEmulator();

            var result = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png -Endpoint http://example.com/");

            var error = ShortApiAssert.Terminated(result, "InsecureEndpoint", ErrorCategory.SecurityError);
            Assert.Equal("http://example.com/", error.TargetObject);
            Assert.Contains("https", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
            Assert.Empty(result.Output);
        }

        [Fact]
        public void A_key_the_service_refuses_stops_the_batch_with_AuthenticationFailed_after_one_request()
        {
            StartEmulator();
            string stills = Folder.Stills();
            Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Status(401));

            var result = Session.Run(Batch, ("stills", stills));

            var error = ShortApiAssert.Terminated(result, "AuthenticationFailed", ErrorCategory.AuthenticationError);
            Assert.Equal(Path.Combine(stills, "forest.png"), error.TargetObject);
            Assert.Empty(result.Output);
            Assert.Equal(1, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void Get_ShortApiJob_with_a_refused_key_stops_once_instead_of_failing_every_id()
        {
            StartEmulator();
            Emulator.Faults.Enqueue(EmulatorRoute.Query, EmulatorFault.Status(401), EmulatorFault.Status(401), EmulatorFault.Status(401));

            var result = Session.Run("'job_1', 'job_2', 'job_3' | Get-ShortApiJob");

            ShortApiAssert.Terminated(result, "AuthenticationFailed", ErrorCategory.AuthenticationError);
        }

        [Fact]
        public void An_empty_balance_stops_the_batch_with_QuotaExceeded_and_is_not_retried()
        {
            StartEmulator();
            string stills = Folder.Stills();
            Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Status(402));

            var result = Session.Run(Batch, ("stills", stills));

            var error = ShortApiAssert.Terminated(result, "QuotaExceeded", ErrorCategory.QuotaExceeded);
            Assert.Equal(Path.Combine(stills, "forest.png"), error.TargetObject);
            Assert.Contains("Top up", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(1, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void Rate_limiting_through_every_retry_is_RateLimited_for_that_input_and_the_batch_goes_on()
        {
            StartEmulator();
            string stills = Folder.Stills();
            for (int i = 0; i < 6; i++)
            {
                Emulator.Faults.Enqueue(EmulatorRoute.Create, EmulatorFault.Status(429, TimeSpan.FromSeconds(1)));
            }

            var result = Session.Run(Batch, ("stills", stills));

            var error = ShortApiAssert.SingleError(result, "RateLimited", ErrorCategory.LimitsExceeded);
            Assert.Equal(Path.Combine(stills, "forest.png"), error.TargetObject);
            Assert.Equal(new[] { "harbor.png", "sunrise.png" }, result.All<VideoJob>().Select(j => Path.GetFileName(j.Source)).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(2, Emulator.Stats.JobsCreated);
        }
    }
}
