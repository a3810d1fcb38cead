using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>
    /// Reads every public cmdlet class of a module assembly: [Cmdlet], [OutputType], and for each
    /// parameter property [Parameter] (one per set), [Alias], [SupportsWildcards], [ValidateRange],
    /// [ValidateSet], its type and its default.
    /// </summary>
    public static class CmdletMetadataReader
    {
        /// <summary>Loads the assembly at <paramref name="assemblyPath"/> and reads its cmdlets, sorted by name.</summary>
        public static IReadOnlyList<CmdletMetadata> Read(string assemblyPath)
        {
            // What the runtime or this tool has (the framework, the System.Management.Automation stub) is
            // found first, as PowerShell 7 would supply it, which also keeps one copy of each attribute type;
            // the module's own libraries come from beside it or from its Dependencies folder.
            string folder = Path.GetDirectoryName(assemblyPath)!;
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                new[] { folder, Path.Combine(folder, "Dependencies") }
                    .Select(f => Path.Combine(f, name.Name + ".dll"))
                    .Where(File.Exists)
                    .Select(context.LoadFromAssemblyPath)
                    .FirstOrDefault();

            return AssemblyLoadContext.Default.LoadFromAssemblyPath(assemblyPath).GetExportedTypes()
                .Where(t => t.IsClass && !t.IsAbstract && AttributeData.Has(t, typeof(CmdletAttribute)))
                .Select(ReadCmdlet)
                .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        private static CmdletMetadata ReadCmdlet(Type type)
        {
            var cmdlet = AttributeData.All(type, typeof(CmdletAttribute)).First();
            var instance = DefaultValues.NewInstance(type);
            var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => AttributeData.Has(p, typeof(ParameterAttribute)))
                .OrderByDescending(p => Depth(p.DeclaringType)) // the cmdlet's own before inherited ones (-ApiKey, -Endpoint)
                .ThenBy(p => p.MetadataToken)
                .Select(p => ReadParameter(p, instance))
                .ToList();

            return new CmdletMetadata(
                (string)cmdlet.ConstructorArguments[0].Value!,
                (string)cmdlet.ConstructorArguments[1].Value!,
                AttributeData.Named(cmdlet, nameof(CmdletAttribute.SupportsShouldProcess), false),
                ParameterSets(parameters, AttributeData.Named<string?>(cmdlet, nameof(CmdletAttribute.DefaultParameterSetName), null)),
                parameters,
                AttributeData.All(type, typeof(OutputTypeAttribute))
                    .SelectMany(AttributeData.Values)
                    .Select(v => v is Type t ? TypeLabel.Of(t) : new TypeLabel((string)v, ((string)v).Split('.').Last()))
                    .Where(t => t.FullName != typeof(void).FullName)
                    .Distinct()
                    .ToList());
        }

        private static int Depth(Type? type) => type == null ? 0 : 1 + Depth(type.BaseType);

        private static ParameterMetadata ReadParameter(PropertyInfo property, object? cmdlet)
        {
            var range = AttributeData.All(property, typeof(ValidateRangeAttribute)).Select(a => AttributeData.Values(a).ToList()).FirstOrDefault();
            return new ParameterMetadata(
                property.Name,
                TypeLabel.Of(property.PropertyType),
                AttributeData.All(property, typeof(AliasAttribute)).SelectMany(AttributeData.Values).Cast<string>().ToList(),
                AttributeData.Has(property, typeof(SupportsWildcardsAttribute)),
                DefaultValues.Of(property, cmdlet),
                AttributeData.All(property, typeof(ParameterAttribute)).Select(ReadBinding).ToList(),
                range?.Count == 2 ? $"{Invariant(range[0])} to {Invariant(range[1])}" : null,
                PossibleValues(property));
        }

        private static ParameterSetBinding ReadBinding(CustomAttributeData parameter)
        {
            int position = AttributeData.Named(parameter, nameof(ParameterAttribute.Position), int.MinValue);
            return new ParameterSetBinding(
                AttributeData.Named(parameter, nameof(ParameterAttribute.ParameterSetName), ParameterSetBinding.AllSets),
                AttributeData.Named(parameter, nameof(ParameterAttribute.Mandatory), false),
                position == int.MinValue ? null : position,
                AttributeData.Named(parameter, nameof(ParameterAttribute.ValueFromPipeline), false),
                AttributeData.Named(parameter, nameof(ParameterAttribute.ValueFromPipelineByPropertyName), false));
        }

        /// <summary>[ValidateSet] values, or the names of an enum type (or of an array's enum element type).</summary>
        private static IReadOnlyList<string> PossibleValues(PropertyInfo property)
        {
            var set = AttributeData.All(property, typeof(ValidateSetAttribute)).FirstOrDefault();
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = type.IsArray ? type.GetElementType()! : type;
            return set != null ? AttributeData.Values(set).Select(Invariant).ToList()
                : element.IsEnum ? Enum.GetNames(element)
                : Array.Empty<string>();
        }

        /// <summary>The parameter sets as Get-Command lists them: the default set first, then the others as they appear.</summary>
        private static IReadOnlyList<string> ParameterSets(IReadOnlyList<ParameterMetadata> parameters, string? defaultSet)
        {
            var named = parameters.SelectMany(p => p.Sets).Where(s => !s.InAllSets).Select(s => s.SetName).Distinct().ToList();
            if (defaultSet != null && named.Remove(defaultSet))
            {
                named.Insert(0, defaultSet);
            }

            return named.Count == 0 ? new[] { ParameterSetBinding.AllSets } : named;
        }

        private static string Invariant(object value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? string.Empty;
    }
}
