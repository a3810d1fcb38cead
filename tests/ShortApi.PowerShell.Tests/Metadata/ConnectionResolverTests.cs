using System;
using System.Security;
using ShortApi.PowerShell.Infrastructure;
using ShortApi.Transport;
using Xunit;

namespace ShortApi.PowerShell.Tests.Metadata
{
    [CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
    public class ProcessEnvironment
    {
    }

    /// <summary>Key resolution: -ApiKey, then Connect-ShortApi, then $env:SHORTAPI_KEY. The key itself is never readable, so the tests compare identity and presence.</summary>
    [Collection(nameof(ProcessEnvironment))]
    public sealed class ConnectionResolverTests : IDisposable
    {
        private readonly string? _savedKey = Environment.GetEnvironmentVariable("SHORTAPI_KEY");
        private readonly string? _savedEndpoint = Environment.GetEnvironmentVariable("SHORTAPI_BASE_URL");

        public ConnectionResolverTests()
        {
            ModuleSession.Disconnect();
            Environment.SetEnvironmentVariable("SHORTAPI_KEY", null);
            Environment.SetEnvironmentVariable("SHORTAPI_BASE_URL", null);
        }

        public void Dispose()
        {
            ModuleSession.Disconnect();
            Environment.SetEnvironmentVariable("SHORTAPI_KEY", _savedKey);
            Environment.SetEnvironmentVariable("SHORTAPI_BASE_URL", _savedEndpoint);
        }

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (char c in text)
            {
                secure.AppendChar(c);
            }

            return secure;
        }

        [Fact]
        public void With_nothing_set_there_is_no_key_and_the_public_endpoint()
        {
            Assert.Null(ConnectionResolver.ResolveKey(null));
            Assert.Equal(EndpointPolicy.DefaultEndpoint, ConnectionResolver.ResolveEndpoint(null));
        }

        [Fact]
        public void The_environment_supplies_key_and_endpoint_last()
        {
            Environment.SetEnvironmentVariable("SHORTAPI_KEY", "from-env");
            Environment.SetEnvironmentVariable("SHORTAPI_BASE_URL", "https://env.example");

            Assert.NotNull(ConnectionResolver.ResolveKey(null));
            Assert.Equal("https://env.example", ConnectionResolver.ResolveEndpoint(null));
        }

        [Fact]
        public void A_connection_wins_over_the_environment()
        {
            Environment.SetEnvironmentVariable("SHORTAPI_KEY", "from-env");
            Environment.SetEnvironmentVariable("SHORTAPI_BASE_URL", "https://env.example");
            var connected = ApiKey.FromPlainText("connected");
            ModuleSession.Connect(connected, "https://connected.example/", null, null);

            Assert.Same(connected, ConnectionResolver.ResolveKey(null));
            Assert.Equal("https://connected.example/", ConnectionResolver.ResolveEndpoint(null));
        }

        [Fact]
        public void The_cmdlets_own_parameters_win_over_everything()
        {
            var connected = ApiKey.FromPlainText("connected");
            ModuleSession.Connect(connected, "https://connected.example/", null, null);

            Assert.NotSame(connected, ConnectionResolver.ResolveKey(Secure("explicit")));
            Assert.Equal("https://explicit.example", ConnectionResolver.ResolveEndpoint("https://explicit.example"));
        }
    }
}
