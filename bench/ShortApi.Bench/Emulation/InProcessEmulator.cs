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

        public InProcessEmulator(EmulatorSettings settings, IClock clock)
        {
            _emulator = ShortApiEmulator.Start(settings.ToOptions(clock));
        }

        public Uri BaseAddress => _emulator.BaseAddress;

        public EmulatorSnapshot Snapshot() => EmulatorSnapshot.Of(_emulator);

        public void Dispose() => _emulator.Dispose();
    }
}
