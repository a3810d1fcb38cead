using System;
using System.Collections.Generic;

namespace ShortApi.Emulator.Pages
{
    /// <summary>
    /// One parameter as a model's page lists it: wire name, JSON shape, required or not, default,
    /// options spelled as the page spells them, range. The factories keep the table in
    /// <see cref="DocumentedModels"/> close to the pages' own lines.
    /// </summary>
    internal sealed class PageParameter
    {
        private PageParameter(string name, WireKind kind)
        {
            Name = name;
            Kind = kind;
        }

        public string Name { get; }

        public WireKind Kind { get; }

        /// <summary>Must be present (for a list: with at least one item).</summary>
        public bool IsRequired { get; private set; }

        /// <summary>The page's default, which its cross-field rules read when the value is left out.</summary>
        public object? Default { get; private set; }

        public IReadOnlyList<string> Options { get; private set; } = Array.Empty<string>();

        public long Minimum { get; private set; }

        public long Maximum { get; private set; }

        /// <summary>What a <see cref="WireKind.List"/> holds.</summary>
        public PageParameter? Items { get; private set; }

        /// <summary>What a <see cref="WireKind.Object"/> holds.</summary>
        public IReadOnlyList<PageParameter> Members { get; private set; } = Array.Empty<PageParameter>();

        public static PageParameter Text(string name) => new PageParameter(name, WireKind.Text);

        public static PageParameter Image(string name) => new PageParameter(name, WireKind.Image);

        public static PageParameter ImageUrl(string name) => new PageParameter(name, WireKind.ImageUrl);

        public static PageParameter Choice(string name, string @default, params string[] options) =>
            new PageParameter(name, WireKind.Choice) { Default = @default, Options = options };

        public static PageParameter WholeNumberText(string name, string @default, long minimum, long maximum) =>
            new PageParameter(name, WireKind.WholeNumberText) { Default = @default, Minimum = minimum, Maximum = maximum };

        public static PageParameter Integer(string name, long @default, long minimum, long maximum) =>
            new PageParameter(name, WireKind.Integer) { Default = @default, Minimum = minimum, Maximum = maximum };

        public static PageParameter Flag(string name, bool @default) => new PageParameter(name, WireKind.Flag) { Default = @default };

        public static PageParameter List(string name, PageParameter items) => new PageParameter(name, WireKind.List) { Items = items };

        public static PageParameter Object(string name, params PageParameter[] members) => new PageParameter(name, WireKind.Object) { Members = members };

        /// <summary>Marks the parameter _required_, as the page does.</summary>
        public PageParameter Required()
        {
            IsRequired = true;
            return this;
        }
    }
}
