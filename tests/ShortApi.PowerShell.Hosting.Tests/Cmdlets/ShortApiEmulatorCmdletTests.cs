using System;
using System.Management.Automation;
using ShortApi.Emulator;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Cmdlets
{
    /// <summary>Start-ShortApiEmulator and Stop-ShortApiEmulator: a local ShortAPI inside the session.</summary>
    public sealed class ShortApiEmulatorCmdletTests : ModuleTest
    {
        [Fact]
        public void Start_emits_a_running_emulator_on_loopback_and_the_session_uses_it_without_a_key()
        {
            var result = Session.Run("Start-ShortApiEmulator -JobSeconds 0").AssertClean();

            var emulator = Assert.IsType<ShortApiEmulator>(Assert.Single(result.Objects));
            Assert.True(emulator.IsRunning);
            Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
            Assert.Contains(typeof(ShortApiEmulator), DeclaredOutputTypes("Start-ShortApiEmulator"));

            var job = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png").AssertClean();
            Assert.Single(job.All<VideoJob>());
            Assert.Equal(1, emulator.Stats.JobsCreated);
        }

        [Fact]
        public void Starting_a_second_emulator_stops_with_ShortApi_EmulatorRunning_naming_the_running_one()
        {
            var first = StartEmulator();

            var result = Session.Run("Start-ShortApiEmulator");

            var error = ShortApiAssert.Terminated(result, "EmulatorRunning", ErrorCategory.ResourceExists);
            Assert.Same(first, error.TargetObject);
            Assert.Contains(first.BaseAddress.ToString(), error.Exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Stop_ends_the_emulator_and_disconnects_the_session_from_it()
        {
            var emulator = StartEmulator();

            var stop = Session.Run("Stop-ShortApiEmulator").AssertClean();
            var after = Session.Run("New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png");

            Assert.Empty(stop.Output);
            Assert.False(emulator.IsRunning);
            ShortApiAssert.Terminated(after, "MissingApiKey", ErrorCategory.AuthenticationError);
        }
    }
}
