using System.Collections.Generic;
using ShortApi.Emulator.Wire;

namespace ShortApi.Emulator.Pages
{
    /// <summary>
    /// A create's args as a page rule reads them: the value sent, or the page's default when it was
    /// left out, so "1080p with the default duration" is judged as "1080p with duration 5".
    /// </summary>
    internal sealed class PageArguments
    {
        private readonly PageModel _model;
        private readonly WireObject _args;

        public PageArguments(PageModel model, WireObject args)
        {
            _model = model;
            _args = args;
        }

        /// <summary>Sent with a value (a JSON null counts as left out).</summary>
        public bool IsGiven(string name) => _args.TryGet(name, out var value) && value != null;

        /// <summary>True when the value sent, else the page's default, equals <paramref name="value"/> in JSON type and content.</summary>
        public bool Is(string name, object value)
        {
            object? actual = IsGiven(name) ? Given(name) : _model.Find(name)?.Default;
            return Equals(actual, value);
        }

        /// <summary>The items of a list argument; 0 when it is left out or not a list.</summary>
        public int CountOf(string name) => Given(name) is List<object?> items ? items.Count : 0;

        private object? Given(string name) => _args.TryGet(name, out var value) ? value : null;
    }
}
