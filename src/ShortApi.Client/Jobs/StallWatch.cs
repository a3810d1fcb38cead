using System;
using System.Threading;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Cancels a download that has stopped making progress: fewer than <see cref="MinimumBytes"/>
    /// in a whole window. A body that never ends, or trickles a byte a second, would otherwise hold
    /// a batch (and grow a partial file) until the download's overall timeout.
    /// </summary>
    internal sealed class StallWatch : IDisposable
    {
        public const int MinimumBytes = 1024;

        private readonly CancellationTokenSource _attempt;
        private readonly Timer _timer;
        private long _bytes;
        private int _fired;

        public StallWatch(TimeSpan window, CancellationTokenSource attempt)
        {
            _attempt = attempt;
            _timer = new Timer(Check, null, window, window);
        }

        /// <summary>True once the watch cancelled the attempt for lack of progress.</summary>
        public bool Fired => Volatile.Read(ref _fired) == 1;

        public void Progress(int bytes) => Interlocked.Add(ref _bytes, bytes);

        public void Dispose() => _timer.Dispose();

        private void Check(object? state)
        {
            if (Interlocked.Exchange(ref _bytes, 0) >= MinimumBytes || Interlocked.Exchange(ref _fired, 1) == 1)
            {
                return;
            }

            try
            {
                _attempt.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The attempt ended between the timer firing and now: nothing left to stop.
            }
        }
    }
}
