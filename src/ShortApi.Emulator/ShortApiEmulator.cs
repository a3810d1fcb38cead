using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Emulator.Faults;
using ShortApi.Emulator.Handlers;

namespace ShortApi.Emulator
{
    /// <summary>
    /// A local stand-in for ShortAPI on 127.0.0.1: the documented create and query endpoints,
    /// Bearer keys, argument checks from the model pages, jobs that run for a set time on a
    /// settable clock, output files to download, and faults on demand (rate limits, server errors,
    /// dropped connections, stalls). Thread-safe; deterministic for a seed, except that each
    /// emulator's job ids are its own; stops cleanly.
    /// </summary>
    public sealed class ShortApiEmulator : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly EmulatorState _state;
        private readonly CreateHandler _create;
        private readonly QueryHandler _query;
        private readonly OutputHandler _output;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _acceptLoop;
        private int _active;

        private ShortApiEmulator(HttpListener listener, EmulatorState state)
        {
            _listener = listener;
            _state = state;
            _create = new CreateHandler(state);
            _query = new QueryHandler(state);
            _output = new OutputHandler(state);
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        /// <summary>The server's base address, such as http://127.0.0.1:50123/.</summary>
        public Uri BaseAddress => _state.BaseAddress;

        public int Port => _state.BaseAddress.Port;

        public EmulatorOptions Options => _state.Options;

        public EmulatorStats Stats => _state.Stats;

        /// <summary>Faults to meet the next requests, in order.</summary>
        public FaultPlan Faults => _state.Faults;

        /// <summary>The jobs created so far, oldest first.</summary>
        public IReadOnlyList<EmulatedJob> Jobs => _state.Jobs.Values.OrderBy(j => j.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();

        public bool IsRunning => !_stop.IsCancellationRequested;

        /// <summary>Starts a server on 127.0.0.1 (a free port unless one is set).</summary>
        public static ShortApiEmulator Start(EmulatorOptions? options = null)
        {
            options ??= new EmulatorOptions();
            var state = new EmulatorState(options);
            Exception? last = null;
            for (int attempt = 0; attempt < 20; attempt++)
            {
                int port = options.Port != 0 ? options.Port : FreePort();
                var listener = new HttpListener();
                listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                try
                {
                    listener.Start();
                    state.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
                    return new ShortApiEmulator(listener, state);
                }
                catch (HttpListenerException ex)
                {
                    // Another process took the port between choosing and binding it: choose again.
                    last = ex;
                    listener.Close();
                    if (options.Port != 0)
                    {
                        break;
                    }
                }
            }

            throw new InvalidOperationException($"The emulator could not listen on 127.0.0.1: {last?.Message}", last);
        }

        /// <summary>Stops listening and waits for requests being answered.</summary>
        public void Stop()
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
            try
            {
                _listener.Stop();
                _listener.Close();
            }
            catch (ObjectDisposedException)
            {
            }

            try
            {
                _acceptLoop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }

            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (Volatile.Read(ref _active) > 0 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }
        }

        public void Dispose() => Stop();

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    continue;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref _active);
                _ = Task.Run(() => HandleAsync(context));
            }
        }

        private async Task HandleAsync(HttpListenerContext context)
        {
            try
            {
                string path = context.Request.Url!.AbsolutePath;
                string method = context.Request.HttpMethod;
                if (method == "GET" && path.StartsWith("/files/", StringComparison.Ordinal))
                {
                    var parts = path.Split('/');
                    await _output.HandleAsync(context, parts.Length > 2 ? Uri.UnescapeDataString(parts[2]) : string.Empty).ConfigureAwait(false);
                    return;
                }

                if (!Authorized(context.Request))
                {
                    _state.Stats.Refused();
                    await Exchange.SendErrorAsync(context, 401, "invalid or missing API key").ConfigureAwait(false);
                    return;
                }

                if (method == "POST" && path == "/api/v1/job/create")
                {
                    await _create.HandleAsync(context).ConfigureAwait(false);
                }
                else if (method == "GET" && path == "/api/v1/job/query")
                {
                    await _query.HandleAsync(context).ConfigureAwait(false);
                }
                else
                {
                    await Exchange.SendErrorAsync(context, 404, $"no route {method} {path}").ConfigureAwait(false);
                }
            }
            catch (Exception)
            {
                // A client that went away mid-answer; nothing to do but let the connection go.
                try
                {
                    context.Response.Abort();
                }
                catch (Exception)
                {
                }
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }

        private bool Authorized(HttpListenerRequest request)
        {
            string? header = request.Headers["Authorization"];
            if (header == null || !header.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return false;
            }

            string key = header.Substring("Bearer ".Length).Trim();
            return key.Length > 0 && (_state.Options.ApiKey == null || string.Equals(key, _state.Options.ApiKey, StringComparison.Ordinal));
        }
    }
}
