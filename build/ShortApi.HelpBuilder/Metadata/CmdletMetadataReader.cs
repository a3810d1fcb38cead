using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace ShortApi.HelpBuilder.Metadata
{
    /// <summary>
    /// Reads every public cmdlet class of a module assembly: [Cmdlet], [OutputType], and for each
    /// parameter property [Parameter] (one per set), [Alias], [SupportsWildcards], [ValidateRange],
    /// [ValidateSet], its type and its default.
    /// </summary>
    public sealed class CmdletMetadataReader
    {
        /// <summary>Loads the assembly at <paramref name="assemblyPath"/> with its dependencies and reads its cmdlets, sorted by name.</summary>
        public IReadOnlyList<CmdletMetadata> Read(string assemblyPath)
        {
            var context = new ModuleLoadContext(assemblyPath);
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            return Read(assembly);
        }

        public IReadOnlyList<CmdletMetadata> Read(Assembly assembly) =>
            assembly.GetExportedTypes()
                .Where(t => t.IsClass && !t.IsAbstract && AttributeReader.Has(t, typeof(CmdletAttribute)))
                .Select(ReadCmdlet)
                .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();

        private static CmdletMetadata ReadCmdlet(Type type)
        {
            var cmdlet = AttributeReader.First(type, typeof(CmdletAttribute))!;
            string verb = (string)cmdlet.ConstructorArguments[0].Value!;
            string noun = (string)cmdlet.ConstructorArguments[1].Value!;
            var defaults = new DefaultValueReader(type);
            var parameters = ParameterProperties(type).Select(p => ReadParameter(p, defaults)).ToList();

            return new CmdletMetadata(
                verb,
                noun,
                AttributeReader.Named(cmdlet, nameof(CmdletAttribute.SupportsShouldProcess), false),
                AttributeReader.Named<string?>(cmdlet, nameof(CmdletAttribute.DefaultParameterSetName), null),
                parameters,
                OutputTypes(type));
        }

        /// <summary>Parameter properties in declaration order, the cmdlet's own before inherited ones (-ApiKey, -Endpoint).</summary>
        private static IEnumerable<PropertyInfo> ParameterProperties(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => AttributeReader.Has(p, typeof(ParameterAttribute)))
                .OrderByDescending(p => Depth(p.DeclaringType!))
                .ThenBy(p => p.MetadataToken);

        private static int Depth(Type type)
        {
            int depth = 0;
            for (var t = type.BaseType; t != null; t = t.BaseType)
            {
                depth++;
            }

            return depth;
        }

        private static ParameterMetadata ReadParameter(PropertyInfo property, DefaultValueReader defaults)
        {
            var type = property.PropertyType;
            bool isSwitch = type.FullName == typeof(SwitchParameter).FullName;
            var sets = AttributeReader.All(property, typeof(ParameterAttribute)).Select(ReadBinding).ToList();
            var aliases = AttributeReader.All(property, typeof(AliasAttribute)).SelectMany(AttributeReader.ParamsValues).Cast<string>().ToList();

            return new ParameterMetadata(
                property.Name,
                TypeLabel.Of(type),
                isSwitch,
                type.IsArray,
                aliases,
                AttributeReader.Has(property, typeof(SupportsWildcardsAttribute)),
                defaults.Read(property, isSwitch),
                sets,
                ValidRange(property),
                PossibleValues(property));
        }

        private static ParameterSetBinding ReadBinding(CustomAttributeData parameter)
        {
            int position = AttributeReader.Named(parameter, nameof(ParameterAttribute.Position), int.MinValue);
            return new ParameterSetBinding(
                AttributeReader.Named(parameter, nameof(ParameterAttribute.ParameterSetName), ParameterSetBinding.AllSets),
                AttributeReader.Named(parameter, nameof(ParameterAttribute.Mandatory), false),
                position == int.MinValue ? null : position,
                AttributeReader.Named(parameter, nameof(ParameterAttribute.ValueFromPipeline), false),
                AttributeReader.Named(parameter, nameof(ParameterAttribute.ValueFromPipelineByPropertyName), false));
        }

        private static string? ValidRange(PropertyInfo property)
        {
            var range = AttributeReader.First(property, typeof(ValidateRangeAttribute));
            if (range == null || range.ConstructorArguments.Count != 2)
            {
                return null;
            }

            return $"{Invariant(range.ConstructorArguments[0].Value)} to {Invariant(range.ConstructorArguments[1].Value)}";
        }

        private static IReadOnlyList<string> PossibleValues(PropertyInfo property)
        {
            var set = AttributeReader.First(property, typeof(ValidateSetAttribute));
            if (set != null)
            {
                return AttributeReader.ParamsValues(set).Select(v => Invariant(v)).ToList();
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var element = type.IsArray ? type.GetElementType()! : type;
            return element.IsEnum ? Enum.GetNames(element) : Array.Empty<string>();
        }

        private static IReadOnlyList<TypeLabel> OutputTypes(Type type) =>
            AttributeReader.All(type, typeof(OutputTypeAttribute))
                .SelectMany(AttributeReader.ParamsValues)
                .Select(v => v is Type t ? TypeLabel.Of(t) : new TypeLabel((string)v, ((string)v).Split('.').Last()))
                .Where(t => t.FullName != typeof(void).FullName)
                .Distinct()
                .ToList();

        private static string Invariant(object? value) =>
            value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? string.Empty;
    }
}
