using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>
    /// A parameter's default is what a fresh cmdlet object holds (ThrottleLimit = 4), read from an
    /// instance: nothing runs but the constructor and the property initialisers.
    /// </summary>
    internal static class DefaultValues
    {
        /// <summary>A new cmdlet object, or null when there is none to be had: then no defaults, rather than no help.</summary>
        public static object? NewInstance(Type cmdletType)
        {
            try
            {
                return Activator.CreateInstance(cmdletType);
            }
            catch (Exception ex) when (ex is TargetInvocationException or MissingMethodException or MemberAccessException)
            {
                return null;
            }
        }

        /// <summary>The default as text; null when there is none worth showing (null, empty, unknown). A switch is off.</summary>
        public static string? Of(PropertyInfo property, object? cmdlet)
        {
            if (property.PropertyType.FullName == typeof(SwitchParameter).FullName)
            {
                return "False";
            }

            try
            {
                return cmdlet == null ? null : Format(property.GetValue(cmdlet));
            }
            catch (TargetInvocationException)
            {
                return null;
            }
        }

        private static string? Format(object? value) =>
            value switch
            {
                null => null,
                string text => text.Length == 0 ? null : text,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                IEnumerable items => items.Cast<object?>().Select(Format).OfType<string>().ToList() is { Count: > 0 } parts ? string.Join(", ", parts) : null,
                _ => value.ToString(),
            };
    }
}
