using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Jobs;

namespace ShortApi.TestSupport
{
    /// <summary>Waits for a set of jobs in one call, as the tests and the benchmark need; the module itself streams events instead.</summary>
    public static class WaitExtensions
    {
        /// <summary>Waits for every job to end (or the timeout); returns the end of each job (no warnings), in the order they ended.</summary>
        public static async Task<IReadOnlyList<WaitEvent>> WaitAllAsync(this ShortApiClient client, IEnumerable<VideoJob> jobs, WaitOptions options, IProgress<WaitProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            using var waiter = client.StartWait(options, cancellationToken);
            foreach (var job in jobs)
            {
                waiter.Add(job);
            }

            waiter.CompleteAdding();
            var events = new List<WaitEvent>();
            await Task.Run(
                () =>
                {
                    while (!waiter.Events.IsCompleted)
                    {
                        if (waiter.Events.TryTake(out var e, TimeSpan.FromMilliseconds(250), cancellationToken) && e.Kind != WaitEventKind.Warning)
                        {
                            events.Add(e);
                        }

                        progress?.Report(waiter.Progress);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            return events;
        }
    }
}
