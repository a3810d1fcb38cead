using System;
using System.Collections.Concurrent;
using System.Threading;

namespace ShortApi.Jobs
{
    /// <summary>
    /// Results made by background work and taken by one consumer, in the order they land: how a
    /// batch or a wait hands its results to a PowerShell pipeline, which may only be written from
    /// its own thread. It closes once no more work will start and all work started has ended.
    /// </summary>
    public sealed class ResultQueue<T>
    {
        private readonly BlockingCollection<T> _items = new BlockingCollection<T>();
        private readonly object _gate = new object();
        private int _working;
        private bool _addingCompleted;

        /// <summary>True once every result has been taken and no more will come.</summary>
        public bool IsCompleted => _items.IsCompleted;

        /// <summary>Takes the next result, waiting up to <paramref name="wait"/>; false when none came or all are taken.</summary>
        public bool TryTake(out T item, TimeSpan wait, CancellationToken cancellationToken)
        {
            try
            {
                return _items.TryTake(out item!, (int)Math.Min(int.MaxValue, Math.Max(0, wait.TotalMilliseconds)), cancellationToken);
            }
            catch (InvalidOperationException)
            {
                item = default!;
                return false; // closed and empty
            }
        }

        /// <summary>Every result as it lands, until the queue closes: for callers that can block their own thread.</summary>
        public System.Collections.Generic.IEnumerable<T> TakeAll(CancellationToken cancellationToken) => _items.GetConsumingEnumerable(cancellationToken);

        /// <summary>A piece of work that will add results has started.</summary>
        internal void BeginWork()
        {
            lock (_gate)
            {
                _working++;
            }
        }

        internal void Add(T item) => _items.Add(item);

        /// <summary>A piece of work has ended (after adding its results).</summary>
        internal void EndWork()
        {
            lock (_gate)
            {
                _working--;
                CloseIfDone();
            }
        }

        /// <summary>No more work will start: the queue closes when the work in progress ends.</summary>
        internal void CompleteAdding()
        {
            lock (_gate)
            {
                _addingCompleted = true;
                CloseIfDone();
            }
        }

        private void CloseIfDone()
        {
            if (_addingCompleted && _working == 0 && !_items.IsAddingCompleted)
            {
                _items.CompleteAdding();
            }
        }
    }
}
