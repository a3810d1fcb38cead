using System;
using System.Linq;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>A type as help shows it: the full name (System.String[]) and the short one (String[]).</summary>
    public sealed record TypeLabel(string FullName, string ShortName)
    {
        /// <summary>The label of a parameter or pipeline type; Nullable&lt;T&gt; reads as T, as Get-Command shows it.</summary>
        public static TypeLabel Of(Type type)
        {
            var bare = Nullable.GetUnderlyingType(type) ?? type;
            return new TypeLabel(Name(bare, full: true), Name(bare, full: false));
        }

        /// <summary>List`1[[...]] reads as List[String], the way PowerShell writes generic types.</summary>
        private static string Name(Type type, bool full)
        {
            if (type.IsArray)
            {
                return Name(type.GetElementType()!, full) + "[]";
            }

            string name = full ? type.FullName ?? type.Name : type.Name;
            return type.IsGenericType
                ? name.Substring(0, name.IndexOf('`', StringComparison.Ordinal)) + "[" + string.Join(",", type.GetGenericArguments().Select(a => Name(a, full))) + "]"
                : name;
        }
    }
}
