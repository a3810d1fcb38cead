using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog;

namespace ShortApi.Jobs
{
    /// <summary>
    /// The arguments a job was sent with, in the order they were sent, local images shown by path
    /// instead of content. Read-only; prints as "mode=pro, duration=5".
    /// </summary>
    public sealed class JobArguments : IReadOnlyDictionary<string, object?>
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
    }
}
