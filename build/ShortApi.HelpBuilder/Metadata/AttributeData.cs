using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>
    /// Attribute values as compiled. The PowerShellStandard stubs construct attributes without keeping
    /// what was passed, so values come from CustomAttributeData, never from instances; types are matched
    /// by full name, since an attribute type's identity depends on which copy of it was loaded.
    /// </summary>
    internal static class AttributeData
    {
        public static IEnumerable<CustomAttributeData> All(MemberInfo member, Type attributeType) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == attributeType.FullName);

        public static bool Has(MemberInfo member, Type attributeType) => All(member, attributeType).Any();

        /// <summary>A named argument (Mandatory = true), or <paramref name="fallback"/> when it was not given.</summary>
        public static T Named<T>(CustomAttributeData attribute, string name, T fallback) =>
            attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).OfType<T>().DefaultIfEmpty(fallback).First();

        /// <summary>The constructor's values, a params array spread out ([Alias("a", "b")], [OutputType(typeof(X))]).</summary>
        public static IEnumerable<object> Values(CustomAttributeData attribute) =>
            attribute.ConstructorArguments
                .SelectMany(a => a.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { a.Value })
                .OfType<object>();
    }
}
