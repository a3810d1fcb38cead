using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>
    /// A parameter's default is what a fresh cmdlet object holds (ThrottleLimit = 4), read by
    /// creating one. Nothing runs but the constructor and the property initialisers.
    /// </summary>
    internal sealed class DefaultValueReader
    {
        private readonly object? _instance;

        public DefaultValueReader(Type cmdletType)
        {
            try
            {
                _instance = Activator.CreateInstance(cmdletType);
            }
            catch (Exception ex) when (ex is TargetInvocationException || ex is MissingMethodException || ex is MemberAccessException)
            {
                _instance = null; // no defaults rather than no help
            }
        }

        /// <summary>The default as text; null when there is none worth showing (null, empty, or a switch that is off).</summary>
        public string? Read(PropertyInfo property, bool isSwitch)
        {
            if (isSwitch)
            {
                return "False";
            }

            if (_instance == null)
            {
                return null;
            }

            object? value;
            try
            {
                value = property.GetValue(_instance);
            }
            catch (TargetInvocationException)
            {
                return null;
            }

            return Format(value);
        }

        private static string? Format(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    return text.Length == 0 ? null : text;
                case bool flag:
                    return flag ? "True" : "False";
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                case IEnumerable items:
                    var parts = items.Cast<object?>().Select(Format).Where(p => p != null).ToList();
                    return parts.Count == 0 ? null : string.Join(", ", parts);
                default:
                    return value.ToString();
            }
        }
    }
}
