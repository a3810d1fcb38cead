using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.TestSupport
{
    /// <summary>
    /// A small forwarding HTTP proxy on 127.0.0.1 for tests. It takes absolute-form requests
    /// (GET http://127.0.0.1:port/path HTTP/1.1), counts each by path, forwards it to its target
    /// and relays the answer. It only ever connects to 127.0.0.1: any other target is refused
    /// (403). With a user name and password it demands them as Basic Proxy-Authorization (407
    /// otherwise). CONNECT is checked and counted like any request, then refused (501): the
    /// emulator speaks plain http, so no tunnel is needed. One request per connection.
    /// </summary>
    public sealed class ForwardingProxy : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly string? _expectedAuthorization;
        private readonly ConcurrentDictionary<string, int> _byPath = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<TcpClient, bool> _open = new ConcurrentDictionary<TcpClient, bool>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _acceptLoop;
        private int _forwarded;
        private int _refusals;
        private int _tunnels;

        private ForwardingProxy(TcpListener listener, string? expectedAuthorization)
        {
            _listener = listener;
            _expectedAuthorization = expectedAuthorization;
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public int Port { get; }

        /// <summary>The proxy's address, such as http://127.0.0.1:50123/.</summary>
        public Uri Address => new Uri($"http://127.0.0.1:{Port}/");

        /// <summary>Requests forwarded to their target.</summary>
        public int Forwarded => Volatile.Read(ref _forwarded);

        /// <summary>Requests answered 407 for missing or wrong credentials.</summary>
        public int AuthenticationRefusals => Volatile.Read(ref _refusals);

        /// <summary>CONNECT requests that got past the credential check (and were then refused).</summary>
        public int TunnelRequests => Volatile.Read(ref _tunnels);

        /// <summary>Forwarded requests by path (without the query), such as /api/v1/job/query.</summary>
        public IReadOnlyDictionary<string, int> ByPath => new Dictionary<string, int>(_byPath, StringComparer.Ordinal);

        /// <summary>A proxy that asks for no credentials.</summary>
        public static ForwardingProxy Start() => Start(null, null);

        /// <summary>A proxy that forwards only requests carrying these Basic credentials; null for none.</summary>
        public static ForwardingProxy Start(string? userName, string? password)
        {
            string? expected = userName == null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new ForwardingProxy(listener, expected);
        }

        /// <summary>Forwarded requests to <paramref name="path"/>, or whose path starts with it when it ends in '/'.</summary>
        public int CountFor(string path) =>
            path.EndsWith('/') ? _byPath.Where(p => p.Key.StartsWith(path, StringComparison.Ordinal)).Sum(p => p.Value) : _byPath.GetValueOrDefault(path);

        public void Dispose()
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
            _listener.Stop();
            foreach (var client in _open.Keys)
            {
                client.Dispose();
            }

            try
            {
                _acceptLoop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }

            _stop.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException || ex is ObjectDisposedException || ex is SocketException)
                {
                    if (_stop.IsCancellationRequested)
                    {
                        return;
                    }

                    continue;
                }

                _ = Task.Run(() => HandleAsync(client));
            }
        }

        private async Task HandleAsync(TcpClient client)
        {
            _open[client] = true;
            var token = _stop.Token;
            try
            {
                using (client)
                {
                    var stream = client.GetStream();
                    var head = await RequestHead.ReadAsync(stream, token).ConfigureAwait(false);
                    if (head == null)
                    {
                        return;
                    }

                    if (_expectedAuthorization != null && head.Header("Proxy-Authorization") != _expectedAuthorization)
                    {
                        // Read the body first: a client still sending it would otherwise see a reset, not the 407.
                        await HttpWire.CopyBodyAsync(head, stream, Stream.Null, token).ConfigureAwait(false);
                        Interlocked.Increment(ref _refusals);
                        await AnswerAsync(stream, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"ShortApi test proxy\"\r\n", token).ConfigureAwait(false);
                        return;
                    }

                    if (head.Method == "CONNECT")
                    {
                        Interlocked.Increment(ref _tunnels);
                        await AnswerAsync(stream, "501 Not Implemented", string.Empty, token).ConfigureAwait(false);
                        return;
                    }

                    if (!Uri.TryCreate(head.Target, UriKind.Absolute, out var target) || target.Scheme != Uri.UriSchemeHttp || target.Host != "127.0.0.1")
                    {
                        await HttpWire.CopyBodyAsync(head, stream, Stream.Null, token).ConfigureAwait(false);
                        await AnswerAsync(stream, "403 Forbidden", string.Empty, token).ConfigureAwait(false);
                        return;
                    }

                    _byPath.AddOrUpdate(target.AbsolutePath, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref _forwarded);
                    await ForwardAsync(head, target, stream, token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is OperationCanceledException || ex is ObjectDisposedException)
            {
                // A side that went away (a client that gave up, a fault the emulator was told to make): let both go.
            }
            finally
            {
                _open.TryRemove(client, out _);
            }
        }

        /// <summary>
        /// Sends the request on in origin form with "Connection: close", then relays the answer
        /// byte for byte until the target closes: no framing to understand on the way back.
        /// </summary>
        private async Task ForwardAsync(RequestHead head, Uri target, NetworkStream client, CancellationToken token)
        {
            using var upstream = new TcpClient();
            _open[upstream] = true;
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, target.Port, token).ConfigureAwait(false);
                var server = upstream.GetStream();
                var text = new StringBuilder($"{head.Method} {target.PathAndQuery} HTTP/1.1\r\n");
                foreach (var (name, value) in head.Headers.Where(h => !IsHopByHop(h.Name)))
                {
                    text.Append(name).Append(": ").Append(value).Append("\r\n");
                }

                text.Append("Connection: close\r\n\r\n");
                await HttpWire.WriteAsync(server, text.ToString(), token).ConfigureAwait(false);
                await HttpWire.CopyBodyAsync(head, client, server, token).ConfigureAwait(false);
                await server.CopyToAsync(client, token).ConfigureAwait(false);
            }
            finally
            {
                _open.TryRemove(upstream, out _);
            }
        }

        private static bool IsHopByHop(string name) =>
            new[] { "Connection", "Proxy-Connection", "Proxy-Authorization", "Keep-Alive" }.Contains(name, StringComparer.OrdinalIgnoreCase);

        private static Task AnswerAsync(Stream stream, string status, string headers, CancellationToken token) =>
            HttpWire.WriteAsync(stream, $"HTTP/1.1 {status}\r\n{headers}Content-Length: 0\r\nConnection: close\r\n\r\n", token);
    }
}
