using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>
    /// Reads attribute values from metadata. The PowerShellStandard stubs construct attributes
    /// without keeping what was passed, so values come from CustomAttributeData, never from instances.
    /// Types are matched by full name: the attribute's type identity depends on which copy was loaded.
    /// </summary>
    internal static class AttributeReader
    {
        public static IEnumerable<CustomAttributeData> All(MemberInfo member, Type attributeType) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == attributeType.FullName);

        public static CustomAttributeData? First(MemberInfo member, Type attributeType) => All(member, attributeType).FirstOrDefault();

        public static bool Has(MemberInfo member, Type attributeType) => First(member, attributeType) != null;

        /// <summary>A named argument (Mandatory = true), or <paramref name="fallback"/> when it was not given.</summary>
        public static T Named<T>(CustomAttributeData attribute, string name, T fallback)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.MemberName == name && argument.TypedValue.Value is T value)
                {
                    return value;
                }
            }

            return fallback;
        }

        /// <summary>The values of a params-array constructor argument ([Alias("a", "b")], [OutputType(typeof(X))]).</summary>
        public static IReadOnlyList<object> ParamsValues(CustomAttributeData attribute)
        {
            var values = new List<object>();
            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Value is IEnumerable<CustomAttributeTypedArgument> items)
                {
                    values.AddRange(items.Select(i => i.Value).OfType<object>());
                }
                else if (argument.Value != null)
                {
                    values.Add(argument.Value);
                }
            }

            return values;
        }
    }
}
