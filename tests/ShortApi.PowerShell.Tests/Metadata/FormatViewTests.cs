using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using ShortApi.Emulator;
using Xunit;

namespace ShortApi.PowerShell.Tests.Metadata
{
    /// <summary>
    /// The views of ShortApi.format.ps1xml against the objects they show: a table column is headed
    /// by the name of a property the object has (its own or one from ShortApi.types.ps1xml), so
    /// `Where-Object &lt;header&gt;` and `Select-Object &lt;header&gt;` work on what a table shows.
    /// </summary>
    public class FormatViewTests
    {
        private static readonly string Formatting = Path.Combine(RepositoryRoot(), "src", "ShortApi.PowerShell", "Formatting");

        public static IEnumerable<object[]> TableViews() =>
            Views().Where(v => v.Element("TableControl") != null).Select(v => new object[] { v.Element("ViewSelectedBy")!.Element("TypeName")!.Value });

        [Theory]
        [MemberData(nameof(TableViews))]
        public void Every_table_column_is_headed_by_a_property_of_the_object(string typeName)
        {
            var view = Views().Single(v => v.Element("TableControl") != null && v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == typeName);
            var headers = view.Descendants("TableColumnHeader").ToList();
            var items = view.Descendants("TableColumnItem").ToList();
            var properties = PropertiesOf(typeName);

            Assert.Equal(headers.Count, items.Count);
            for (int i = 0; i < headers.Count; i++)
            {
                string? propertyName = items[i].Element("PropertyName")?.Value;
                string header = headers[i].Element("Label")?.Value ?? propertyName ?? string.Empty;
                Assert.True(properties.Contains(header), $"{typeName}: the column '{header}' is not a property of the object");
                Assert.True(propertyName == null || propertyName == header, $"{typeName}: the column '{header}' shows the property {propertyName}");
            }
        }

        [Fact]
        public void Every_property_a_view_names_exists_on_its_type()
        {
            foreach (var view in Views())
            {
                string typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
                Assert.True(FindType(typeName) != null, $"view {view.Element("Name")!.Value} selects unknown type {typeName}");
                var properties = PropertiesOf(typeName);
                foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
                {
                    Assert.True(properties.Contains(property), $"{typeName} has no property {property}");
                }
            }
        }

        [Fact]
        public void Every_types_file_member_names_a_type_the_module_emits()
        {
            foreach (var type in TypesFile().Descendants("Type"))
            {
                Assert.NotNull(FindType(type.Element("Name")!.Value));
            }
        }

        private static IEnumerable<XElement> Views() =>
            XDocument.Load(Path.Combine(Formatting, "ShortApi.format.ps1xml")).Descendants("View");

        private static XDocument TypesFile() => XDocument.Load(Path.Combine(Formatting, "ShortApi.types.ps1xml"));

        /// <summary>The .NET properties of the type, and the members the types file adds to it.</summary>
        private static HashSet<string> PropertiesOf(string typeName)
        {
            var type = FindType(typeName) ?? throw new InvalidOperationException("No type " + typeName);
            var names = new HashSet<string>(type.GetProperties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
            foreach (var added in TypesFile().Descendants("Type").Where(t => t.Element("Name")!.Value == typeName))
            {
                names.UnionWith(added.Element("Members")!.Elements().Select(m => m.Element("Name")!.Value));
            }

            return names;
        }

        private static Type? FindType(string name) =>
            new[] { CmdletMetadata.ModuleAssembly, typeof(VideoJob).Assembly, typeof(ShortApiEmulator).Assembly }
                .Select(a => a.GetType(name))
                .FirstOrDefault(t => t != null);

        private static string RepositoryRoot()
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder != null && !File.Exists(Path.Combine(folder.FullName, "ShortApi.psd1")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("ShortApi.psd1 not found above the test folder.");
        }
    }
}
