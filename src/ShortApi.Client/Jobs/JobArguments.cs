using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog;

namespace ShortApi.Jobs
{
    /// <summary>
    /// The arguments a job was sent with, in the order they were sent, local images shown by path
    /// instead of content. Read-only; prints as "mode=pro, duration=5". Also a (read-only)
    /// <see cref="IDictionary"/>, so PowerShell reads it as one: ConvertTo-Json writes an object
    /// of the arguments, and $job.Arguments.mode works.
    /// </summary>
    public sealed class JobArguments : IReadOnlyDictionary<string, object?>, IDictionary
    {
        public static readonly JobArguments Empty = new JobArguments(Array.Empty<KeyValuePair<string, object?>>());

        private readonly List<KeyValuePair<string, object?>> _pairs;

        public JobArguments(IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            _pairs = pairs.ToList();
        }

        public int Count => _pairs.Count;

        public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

        public IEnumerable<object?> Values => _pairs.Select(p => p.Value);

        public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public bool ContainsKey(string key) => _pairs.Any(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));

        public bool TryGetValue(string key, out object? value)
        {
            foreach (var pair in _pairs)
            {
                if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    value = pair.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _pairs.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => string.Join(", ", _pairs.Select(p => p.Key + "=" + Shorten(WireValue.Format(p.Value))));

        private static string Shorten(string text) => text.Length > 60 ? text.Substring(0, 57) + "..." : text;

        // The non-generic dictionary view: reads as above, and refuses every change.

        bool IDictionary.IsReadOnly => true;

        bool IDictionary.IsFixedSize => true;

        ICollection IDictionary.Keys => _pairs.Select(p => p.Key).ToArray();

        ICollection IDictionary.Values => _pairs.Select(p => p.Value).ToArray();

        bool ICollection.IsSynchronized => false;

        object ICollection.SyncRoot => _pairs;

        object? IDictionary.this[object key]
        {
            // Like Hashtable, a missing key reads as null rather than throwing.
            get => key is string name && TryGetValue(name, out var value) ? value : null;
            set => throw ReadOnly();
        }

        bool IDictionary.Contains(object key) => key is string name && ContainsKey(name);

        IDictionaryEnumerator IDictionary.GetEnumerator() => new EntryEnumerator(_pairs);

        void ICollection.CopyTo(Array array, int index)
        {
            foreach (var pair in _pairs)
            {
                array.SetValue(new DictionaryEntry(pair.Key, pair.Value), index++);
            }
        }

        void IDictionary.Add(object key, object? value) => throw ReadOnly();

        void IDictionary.Clear() => throw ReadOnly();

        void IDictionary.Remove(object key) => throw ReadOnly();

        private static NotSupportedException ReadOnly() => new NotSupportedException("A job's arguments are read-only.");

        /// <summary>The pairs as DictionaryEntry, in order, as IDictionary promises.</summary>
        private sealed class EntryEnumerator : IDictionaryEnumerator
        {
            private readonly List<KeyValuePair<string, object?>> _pairs;
            private int _index = -1;

            public EntryEnumerator(List<KeyValuePair<string, object?>> pairs)
            {
                _pairs = pairs;
            }

            public DictionaryEntry Entry => _index >= 0 && _index < _pairs.Count
                ? new DictionaryEntry(_pairs[_index].Key, _pairs[_index].Value)
                : throw new InvalidOperationException("The enumerator is not on an entry.");

            public object Key => Entry.Key;

            public object? Value => Entry.Value;

            public object Current => Entry;

            public bool MoveNext() => ++_index < _pairs.Count;

            public void Reset() => _index = -1;
        }
    }
}
