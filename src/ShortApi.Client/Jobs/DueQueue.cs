using System;
using System.Collections.Generic;

namespace ShortApi.Jobs
{
    /// <summary>A min-heap of items by due time (first in, first out among equals). Not thread-safe: the poller locks around it.</summary>
    internal sealed class DueQueue<T>
    {
        private readonly List<(DateTimeOffset Due, long Order, T Item)> _heap = new List<(DateTimeOffset, long, T)>();
        private long _order;

        public int Count => _heap.Count;

        public void Enqueue(T item, DateTimeOffset due)
        {
            _heap.Add((due, _order++, item));
            int i = _heap.Count - 1;
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (!Less(i, parent))
                {
                    break;
                }

                Swap(i, parent);
                i = parent;
            }
        }

        public bool TryPeek(out DateTimeOffset due, out T item)
        {
            if (_heap.Count == 0)
            {
                due = default;
                item = default!;
                return false;
            }

            due = _heap[0].Due;
            item = _heap[0].Item;
            return true;
        }

        public T Dequeue()
        {
            if (_heap.Count == 0)
            {
                throw new InvalidOperationException("The queue is empty.");
            }

            var top = _heap[0].Item;
            int last = _heap.Count - 1;
            _heap[0] = _heap[last];
            _heap.RemoveAt(last);
            int i = 0;
            while (true)
            {
                int left = 2 * i + 1;
                int right = left + 1;
                int smallest = i;
                if (left < _heap.Count && Less(left, smallest))
                {
                    smallest = left;
                }

                if (right < _heap.Count && Less(right, smallest))
                {
                    smallest = right;
                }

                if (smallest == i)
                {
                    break;
                }

                Swap(i, smallest);
                i = smallest;
            }

            return top;
        }

        public List<T> DrainAll()
        {
            var items = new List<T>(_heap.Count);
            foreach (var entry in _heap)
            {
                items.Add(entry.Item);
            }

            _heap.Clear();
            return items;
        }

        private bool Less(int a, int b) =>
            _heap[a].Due < _heap[b].Due || (_heap[a].Due == _heap[b].Due && _heap[a].Order < _heap[b].Order);

        private void Swap(int a, int b)
        {
            var t = _heap[a];
            _heap[a] = _heap[b];
            _heap[b] = t;
        }
    }
}
