using System;
using System.Linq;
using System.Management.Automation;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Cmdlets
{
    /// <summary>Connect-ShortApi and Disconnect-ShortApi: where later commands get their key and endpoint.</summary>
    public sealed class ConnectShortApiTests : ModuleTest
    {
        private const string EmulatorKey = "emulator-local-key";
        private const string Submit = "New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png";

        [Fact]
        public void Connect_points_later_commands_at_the_endpoint_with_the_key()
        {
            StartEmulator("-NoConnect");

            var result = Session.Run(
                $"Connect-ShortApi -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force) -Endpoint $endpoint; {Submit}",
                ("key", EmulatorKey),
                ("endpoint", Emulator.BaseAddress.AbsoluteUri)).AssertClean();

            Assert.Single(result.All<VideoJob>());
            Assert.Equal(1, Emulator.Stats.JobsCreated);
        }

        [Fact]
        public void PassThru_shows_the_endpoint_but_never_the_key()
        {
            StartEmulator("-NoConnect");
            const string key = "pass-thru-secret-4711";

            var result = Session.Run(
                "$c = Connect-ShortApi -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force) -Endpoint $endpoint -PassThru; $c; $c | Format-List -Property * | Out-String",
                ("key", key),
                ("endpoint", Emulator.BaseAddress.AbsoluteUri)).AssertClean();

            object connection = result.Objects[0];
            Assert.Equal(Emulator.BaseAddress.AbsoluteUri, (string)result.Output[0].Properties["Endpoint"].Value);
            Assert.Contains(connection.GetType(), DeclaredOutputTypes("Connect-ShortApi"));
            Assert.DoesNotContain(key, (string)result.Objects[1], StringComparison.Ordinal);
        }

        [Fact]
        public void Disconnect_forgets_the_key_so_the_next_call_stops_with_MissingApiKey()
        {
            StartEmulator("-NoConnect");
            Session.Run(
                "Connect-ShortApi -ApiKey (ConvertTo-SecureString $key -AsPlainText -Force) -Endpoint $endpoint",
                ("key", EmulatorKey),
                ("endpoint", Emulator.BaseAddress.AbsoluteUri)).AssertClean();

            var disconnect = Session.Run("Disconnect-ShortApi").AssertClean();
            var result = Session.Run(Submit);

            Assert.Empty(disconnect.Output);
            ShortApiAssert.Terminated(result, "MissingApiKey", ErrorCategory.AuthenticationError);
            Assert.Equal(0, Emulator.Stats.CreateRequests);
        }

        [Fact]
        public void With_no_connection_the_environment_gives_the_key_and_the_endpoint()
        {
            StartEmulator("-NoConnect");
            Environment.SetEnvironmentVariable("SHORTAPI_KEY", EmulatorKey);
            Environment.SetEnvironmentVariable("SHORTAPI_BASE_URL", Emulator.BaseAddress.AbsoluteUri);

            var result = Session.Run(Submit).AssertClean();

            Assert.Single(result.All<VideoJob>());
            Assert.Equal(1, Emulator.Stats.JobsCreated);
        }

        [Fact]
        public void ApiKey_given_to_a_command_wins_over_the_connection()
        {
            StartEmulator();

            var result = Session.Run(Submit + " -ApiKey (ConvertTo-SecureString 'not-the-emulator-key' -AsPlainText -Force)");

            ShortApiAssert.Terminated(result, "AuthenticationFailed", ErrorCategory.AuthenticationError);
            Assert.Equal(1, Emulator.Stats.Unauthorized);
        }
    }
}
