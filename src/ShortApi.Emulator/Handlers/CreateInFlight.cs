using System.Threading;

namespace ShortApi.Emulator.Handlers
{
    /// <summary>One create counted in flight by <see cref="EmulatorStats"/>, ended once whichever way it is answered.</summary>
    internal sealed class CreateInFlight
    {
        private readonly EmulatorStats _stats;
        private int _ended;

        public CreateInFlight(EmulatorStats stats)
        {
            _stats = stats;
            stats.CreateStarted();
        }

        public void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                _stats.CreateFinished();
            }
        }
    }
}
