using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using ShortApi.PowerShell.Commands;

namespace ShortApi.PowerShell.Tests.Metadata
{
    /// <summary>
    /// Reads cmdlet attributes as compiled metadata. The PowerShellStandard stubs construct
    /// attributes without keeping their values, so values come from CustomAttributeData.
    /// </summary>
    internal static class CmdletMetadata
    {
        public static Assembly ModuleAssembly => typeof(NewShortApiVideoJobCommand).Assembly;

        public static IReadOnlyList<Type> CmdletTypes =>
            ModuleAssembly.GetTypes().Where(t => t.IsPublic && !t.IsAbstract && Attribute(t, typeof(CmdletAttribute)) != null).OrderBy(t => t.Name).ToList();

        public static string CmdletName(Type type)
        {
            var cmdlet = Attribute(type, typeof(CmdletAttribute))!;
            return $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}";
        }

        public static Type CmdletType(string name) => CmdletTypes.Single(t => CmdletName(t) == name);

        public static CustomAttributeData? Attribute(MemberInfo member, Type attributeType) =>
            member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == attributeType);

        public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, Type attributeType) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType == attributeType);

        public static T? Named<T>(CustomAttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.MemberName == name)
                {
                    return (T?)argument.TypedValue.Value;
                }
            }

            return default;
        }

        /// <summary>Every property that is a cmdlet parameter, including inherited ones (-ApiKey, -Endpoint).</summary>
        public static IReadOnlyList<PropertyInfo> Parameters(Type cmdlet) =>
            cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => Attribute(p, typeof(ParameterAttribute)) != null).ToList();

        public static PropertyInfo Parameter(Type cmdlet, string name) => Parameters(cmdlet).Single(p => p.Name == name);

        public static IReadOnlyList<string> Aliases(PropertyInfo parameter)
        {
            var alias = Attribute(parameter, typeof(AliasAttribute));
            if (alias == null)
            {
                return Array.Empty<string>();
            }

            var values = (IEnumerable<CustomAttributeTypedArgument>)alias.ConstructorArguments[0].Value!;
            return values.Select(v => (string)v.Value!).ToList();
        }
    }
}
