using System;
using System.Collections;
using System.Collections.Generic;

namespace ShortApi.Emulator.Wire
{
    /// <summary>A JSON object as received: its members in order, found by exact name.</summary>
    internal sealed class WireObject : IEnumerable<KeyValuePair<string, object?>>
    {
        private readonly List<KeyValuePair<string, object?>> _members = new List<KeyValuePair<string, object?>>();

        public int Count => _members.Count;

        public void Add(string name, object? value) => _members.Add(new KeyValuePair<string, object?>(name, value));

        public bool TryGet(string name, out object? value)
        {
            foreach (var member in _members)
            {
                if (string.Equals(member.Key, name, StringComparison.Ordinal))
                {
                    value = member.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _members.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
