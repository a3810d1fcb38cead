using System;
using ShortApi.Emulator;
using ShortApi.Timing;

namespace ShortApi.Bench.Emulation
{
    /// <summary>
    /// The emulator in the bench's own process. Only for the simulated long jobs: a
    /// <see cref="ScaledClock"/> cannot be shared across processes, and that run measures queries
    /// and detection delays, not the client's memory or CPU.
    /// </summary>
    internal sealed class InProcessEmulator : IEmulatorHost
    {
        private readonly ShortApiEmulator _emulator;

        /// <param name="port">A port to listen on (0: a free one): a later run can take over an earlier one's endpoint.</param>
        public InProcessEmulator(EmulatorSettings settings, IClock clock, int port = 0)
        {
            var options = settings.ToOptions(clock);
            options.Port = port;
            _emulator = ShortApiEmulator.Start(options);
        }

        public Uri BaseAddress => _emulator.BaseAddress;

        public int Port => _emulator.Port;

        public EmulatorSnapshot Snapshot() => EmulatorSnapshot.Of(_emulator);

        public void Dispose() => _emulator.Dispose();
    }
}
