using System;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using ShortApi.PowerShell.Hosting.Tests.Infrastructure;
using Xunit;

namespace ShortApi.PowerShell.Hosting.Tests.Errors
{
    /// <summary>A session proxy that wants a sign-in the session did not give.</summary>
    public sealed class ProxyErrorTests : ModuleTest
    {
        [Fact]
        public void A_proxy_that_refuses_the_session_stops_the_batch_with_ProxyAuthenticationFailed_naming_it()
        {
            StartEmulator("-NoConnect");
            using var proxy = new RefusingProxy();

            var result = Session.Run(
                "Connect-ShortApi -ApiKey 'k' -Endpoint $endpoint -Proxy $proxy; New-ShortApiVideoJob -Model vidu-q3 -Prompt 'a slow pan' -Image https://img.example/a.png",
                ("endpoint", Emulator.BaseAddress.AbsoluteUri),
                ("proxy", proxy.Address));

            var error = ShortApiAssert.Terminated(result, "ProxyAuthenticationFailed", ErrorCategory.AuthenticationError);
            Assert.Contains(proxy.Address.Authority, error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(0, Emulator.Stats.CreateRequests);
            Session.Run("Disconnect-ShortApi");
        }

        /// <summary>A proxy on 127.0.0.1 that answers every request 407, as one whose sign-in was not given.</summary>
        private sealed class RefusingProxy : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);

            public RefusingProxy()
            {
                _listener.Start();
                Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
                _ = Task.Run(AnswerAsync);
            }

            public Uri Address { get; }

            public void Dispose() => _listener.Stop();

            private async Task AnswerAsync()
            {
                byte[] answer = Encoding.ASCII.GetBytes("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                try
                {
                    while (true)
                    {
                        using var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                        var stream = client.GetStream();
                        var buffer = new byte[8192];
                        await stream.ReadAsync(buffer).ConfigureAwait(false);
                        await stream.WriteAsync(answer).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException || ex is System.IO.IOException)
                {
                    // Stopped with the test.
                }
            }
        }
    }
}
