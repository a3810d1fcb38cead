using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ShortApi.PowerShell.Binding
{
    /// <summary>
    /// Values from a script arrive wrapped in PSObject; the client wants plain .NET values. A
    /// [pscustomobject] becomes a dictionary of its properties, so @{...} and [pscustomobject]@{...}
    /// work alike in -Arguments and -Element.
    /// </summary>
    internal static class PSObjectUnwrapper
    {
        public static object? Unwrap(object? value)
        {
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject)
                {
                    return wrapped.Properties.ToDictionary(p => p.Name, p => Unwrap(p.Value));
                }

                value = wrapped.BaseObject;
            }

            switch (value)
            {
                case null:
                case string _:
                    return value;
                case IDictionary dictionary:
                    var members = new Dictionary<string, object?>();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        members[entry.Key?.ToString() ?? string.Empty] = Unwrap(entry.Value);
                    }

                    return members;
                case IEnumerable items:
                    return items.Cast<object?>().Select(Unwrap).ToArray();
                default:
                    return value;
            }
        }
    }
}
