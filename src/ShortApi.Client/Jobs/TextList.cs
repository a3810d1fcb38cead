using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Jobs
{
    /// <summary>
    /// A read-only list of strings (a job's output URLs or files) that prints as its items joined
    /// by "; ", so a CSV cell or a message shows the items rather than the list's type name.
    /// </summary>
    public sealed class TextList : IReadOnlyList<string>
    {
        public const string Separator = "; ";

        public static readonly TextList Empty = new TextList(Array.Empty<string>());

        private readonly string[] _items;

        public TextList(IEnumerable<string> items)
        {
            _items = (items ?? throw new ArgumentNullException(nameof(items))).ToArray();
        }

        public int Count => _items.Length;

        public string this[int index] => _items[index];

        public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

        public override string ToString() => string.Join(Separator, _items);
    }
}
