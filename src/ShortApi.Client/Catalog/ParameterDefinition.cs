using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Catalog
{
    /// <summary>
    /// One documented input of a model, as its page gives it: wire name, JSON type, whether it is
    /// required, its default, and the values or range it allows. Values are held in wire form
    /// (string, long, double, bool), so "5" and 5 are different defaults, as they are on the wire.
    /// </summary>
    public sealed class ParameterDefinition
    {
        public ParameterDefinition(
            string name,
            ParameterType type,
            bool required = false,
            object? defaultValue = null,
            IReadOnlyList<object>? options = null,
            decimal? minimum = null,
            decimal? maximum = null,
            int? minItems = null,
            int? maxItems = null,
            ParameterDefinition? items = null,
            IReadOnlyList<ParameterDefinition>? properties = null,
            TextLengthLimit? length = null,
            ImageLimits? limits = null,
            string? description = null)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Type = type;
            Required = required;
            Default = defaultValue;
            Options = options ?? Array.Empty<object>();
            Minimum = minimum;
            Maximum = maximum;
            MinItems = minItems;
            MaxItems = maxItems;
            Items = items;
            Properties = properties ?? Array.Empty<ParameterDefinition>();
            Length = length;
            Limits = limits;
            Description = description ?? string.Empty;
        }

        /// <summary>The name in the request's <c>args</c> object, such as <c>aspect_ratio</c>.</summary>
        public string Name { get; }

        public ParameterType Type { get; }

        public bool Required { get; }

        /// <summary>The default the page documents, in wire form; null when it documents none.</summary>
        public object? Default { get; }

        /// <summary>The allowed values in wire form; empty when any value of the type (within the range) is allowed.</summary>
        public IReadOnlyList<object> Options { get; }

        public decimal? Minimum { get; }

        public decimal? Maximum { get; }

        public int? MinItems { get; }

        public int? MaxItems { get; }

        /// <summary>For a list: what each item is.</summary>
        public ParameterDefinition? Items { get; }

        /// <summary>For an object: its members.</summary>
        public IReadOnlyList<ParameterDefinition> Properties { get; }

        /// <summary>For text: a length limit, if the page states one.</summary>
        public TextLengthLimit? Length { get; }

        /// <summary>For an image: what the page says it accepts.</summary>
        public ImageLimits? Limits { get; }

        public string Description { get; }

        public bool HasDefault => Default != null;

        public bool IsImage => Type == ParameterType.Image || Type == ParameterType.ImageUrl;

        /// <summary>True for an image, or a list of images: where a job's input image goes.</summary>
        public bool TakesImages => IsImage || (Type == ParameterType.List && Items != null && Items.IsImage);

        /// <summary>The allowed values or range, as a person would read them ("540p, 720p, 1080p" or "1 to 16").</summary>
        public string DescribeAllowed()
        {
            if (Options.Count > 0)
            {
                return string.Join(", ", Options.Select(WireValue.Format));
            }

            if (Minimum.HasValue && Maximum.HasValue)
            {
                return Type == ParameterType.String
                    ? $"a whole number from {Minimum} to {Maximum}"
                    : $"{Minimum} to {Maximum}";
            }

            if (Minimum.HasValue)
            {
                return $"at least {Minimum}";
            }

            if (Maximum.HasValue)
            {
                return $"at most {Maximum}";
            }

            switch (Type)
            {
                case ParameterType.Boolean: return "true, false";
                case ParameterType.Integer: return "a whole number";
                case ParameterType.Number: return "a number";
                case ParameterType.Image: return "an http(s) URL or a local PNG, JPEG or WEBP file";
                case ParameterType.ImageUrl: return "an http(s) URL";
                case ParameterType.List: return "a list";
                case ParameterType.Object: return "an object with " + string.Join(", ", Properties.Select(p => p.Name));
                default: return "text";
            }
        }

        /// <summary>The values a completer may offer: the options, or every whole number of a small range.</summary>
        public IReadOnlyList<object> EnumerateAllowedValues()
        {
            if (Options.Count > 0)
            {
                return Options;
            }

            if (Minimum.HasValue && Maximum.HasValue && Maximum - Minimum <= 64 &&
                (Type == ParameterType.Integer || Type == ParameterType.String))
            {
                var values = new List<object>();
                for (decimal v = Minimum.Value; v <= Maximum.Value; v++)
                {
                    values.Add(Type == ParameterType.Integer ? (object)(long)v : ((long)v).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return values;
            }

            if (Type == ParameterType.Boolean)
            {
                return new object[] { true, false };
            }

            return Array.Empty<object>();
        }

        /// <summary>The allowed values or range, as a person reads them (for tables).</summary>
        public string Allowed => DescribeAllowed();

        /// <summary>One line for a model's parameter list: "duration (string, default 5): a whole number from 1 to 16".</summary>
        public string Summary
        {
            get
            {
                string type = Type == ParameterType.List && Items != null ? $"list of {Items.Type.ToString().ToLowerInvariant()}" : Type.ToString().ToLowerInvariant();
                string extra = Required ? ", required" : string.Empty;
                if (HasDefault)
                {
                    extra += ", default " + WireValue.Format(Default);
                }

                return $"{Name} ({type}{extra}): {DescribeAllowed()}";
            }
        }

        public override string ToString() => $"{Name} ({Type})";
    }
}
