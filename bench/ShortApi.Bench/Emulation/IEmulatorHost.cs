using System;

namespace ShortApi.Bench.Emulation
{
    /// <summary>An emulator the bench can point a client at, wherever it runs.</summary>
    internal interface IEmulatorHost : IDisposable
    {
        Uri BaseAddress { get; }

        EmulatorSnapshot Snapshot();
    }
}
