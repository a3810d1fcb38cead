using System;
using System.Collections;
using System.Globalization;
using System.Linq;

namespace ShortApi.Catalog
{
    /// <summary>
    /// Helpers for values in wire form: string, long, double, bool, lists and objects of them.
    /// Equality is by JSON meaning (5 equals 5.0), never across types ("5" is not 5).
    /// </summary>
    public static class WireValue
    {
        public static bool AreEqual(object? a, object? b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            if (a is string sa)
            {
                return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            }

            if (a is bool ba)
            {
                return b is bool bb && ba == bb;
            }

            if (IsNumber(a) && IsNumber(b))
            {
                return Convert.ToDecimal(a, CultureInfo.InvariantCulture) == Convert.ToDecimal(b, CultureInfo.InvariantCulture);
            }

            return a.Equals(b);
        }

        public static bool IsNumber(object? value) =>
            value is long || value is int || value is double || value is decimal || value is float || value is short || value is byte;

        /// <summary>A value as it reads in a message or a table: text as is, numbers invariant, lists joined.</summary>
        public static string Format(object? value)
        {
            switch (value)
            {
                case null: return "null";
                case string s: return s;
                case bool b: return b ? "true" : "false";
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                case IDictionary d: return "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => k + "=" + Format(d[k]))) + "}";
                case IEnumerable e: return "[" + string.Join(", ", e.Cast<object?>().Select(Format)) + "]";
                default: return value.ToString() ?? string.Empty;
            }
        }

        /// <summary>A value quoted for an error message: text in quotes so blanks and case show.</summary>
        public static string Quote(object? value) => value is string s ? "'" + s + "'" : Format(value);
    }
}
