using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using ShortApi.HelpBuilder.Markdown;

namespace ShortApi.HelpBuilder.Output
{
    /// <summary>Prose as MAML: one maml:para per paragraph; a list or code block is one para that keeps its line breaks.</summary>
    internal static class MamlText
    {
        public static XElement Description(IEnumerable<HelpParagraph> paragraphs) =>
            new XElement(MamlNames.Maml + "description", Paras(paragraphs));

        public static IEnumerable<XElement> Paras(IEnumerable<HelpParagraph> paragraphs) =>
            paragraphs.Select(p => Para(p.ToPlainText()));

        public static XElement Para(string text) => new XElement(MamlNames.Maml + "para", text);

        /// <summary>A dev:type element naming a type.</summary>
        public static XElement Type(string name) =>
            new XElement(MamlNames.Dev + "type", new XElement(MamlNames.Maml + "name", name), new XElement(MamlNames.Maml + "uri"));
    }
}
