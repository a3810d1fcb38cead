using System;
using System.Collections;
using System.Collections.Generic;

namespace ShortApi.Catalog
{
    /// <summary>
    /// A job's arguments as the model will see them: the values given (already in wire form) and,
    /// for the rest, the page's defaults. Rules and prices read through this, so "1080p with the
    /// default duration" is judged the same as "1080p with duration 5".
    /// </summary>
    public sealed class EffectiveArguments
    {
        private readonly ModelDefinition _model;
        private readonly IReadOnlyDictionary<string, object?> _given;

        public EffectiveArguments(ModelDefinition model, IReadOnlyDictionary<string, object?> given)
        {
            _model = model ?? throw new ArgumentNullException(nameof(model));
            _given = given ?? throw new ArgumentNullException(nameof(given));
        }

        public ModelDefinition Model => _model;

        public bool IsGiven(string name) => _given.ContainsKey(name);

        /// <summary>The value given, else the documented default; false when there is neither.</summary>
        public bool TryGetValue(string name, out object? value)
        {
            if (_given.TryGetValue(name, out value))
            {
                return true;
            }

            var parameter = _model.FindParameter(name);
            if (parameter != null && parameter.HasDefault)
            {
                value = parameter.Default;
                return true;
            }

            value = null;
            return false;
        }

        /// <summary>How many items a list argument holds; 0 when it is absent.</summary>
        public int CountOf(string name)
        {
            if (!_given.TryGetValue(name, out var value) || value == null)
            {
                return 0;
            }

            if (value is ICollection collection)
            {
                return collection.Count;
            }

            return value is IEnumerable enumerable && !(value is string) ? Count(enumerable) : 1;
        }

        private static int Count(IEnumerable items)
        {
            int n = 0;
            foreach (var _ in items)
            {
                n++;
            }

            return n;
        }
    }
}
