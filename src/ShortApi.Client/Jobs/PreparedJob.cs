using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ShortApi.Catalog;
using ShortApi.Images;
using ShortApi.Pricing;
using ShortApi.Validation;

namespace ShortApi.Jobs
{
    /// <summary>
    /// A job that passed validation: the exact <c>args</c> to send (in wire form, in the order of
    /// the model's page), the warnings to show, and the estimated cost. Local images stay
    /// <see cref="ImageInput"/> values here and are base64-encoded only while the request is written.
    /// </summary>
    public sealed class PreparedJob
    {
        private readonly Lazy<string> _inputKey;

        internal PreparedJob(
            JobRequest request,
            ModelReference model,
            IReadOnlyList<KeyValuePair<string, object?>> wireArguments,
            IReadOnlyList<ValidationIssue> warnings,
            CostEstimate estimate)
        {
            Request = request;
            Model = model;
            WireArguments = wireArguments;
            Warnings = warnings;
            Estimate = estimate;
            DisplayArguments = wireArguments.Select(p => new KeyValuePair<string, object?>(p.Key, ForDisplay(p.Value))).ToList();
            _inputKey = new Lazy<string>(ComputeInputKey);
        }

        public JobRequest Request { get; }

        public ModelReference Model { get; }

        /// <summary>The <c>args</c> object, member by member, as it goes on the wire.</summary>
        public IReadOnlyList<KeyValuePair<string, object?>> WireArguments { get; }

        /// <summary>The arguments with each local image replaced by a note naming the file: what a job object and the journal show.</summary>
        public IReadOnlyList<KeyValuePair<string, object?>> DisplayArguments { get; }

        public IReadOnlyList<ValidationIssue> Warnings { get; }

        public CostEstimate Estimate { get; }

        public string Source => Request.Source;

        /// <summary>What names this input in messages and -WhatIf: the image as given, else (no image) the model.</summary>
        public string DisplaySource => Source.Length > 0 ? Source : Model.DisplayName;

        public string? Prompt => Request.Prompt;

        public string? CallbackUrl => Request.CallbackUrl;

        /// <summary>
        /// Identifies this input: model, arguments (local images by full path) and callback. Two
        /// runs over the same file with the same settings get the same key, which is how a journal
        /// knows the input was already submitted.
        /// </summary>
        public string InputKey => _inputKey.Value;

        /// <summary>One line for -WhatIf and logs: model, settings and estimate.</summary>
        public string Describe()
        {
            var settings = DisplayArguments
                .Where(p => !string.Equals(p.Key, "prompt", StringComparison.OrdinalIgnoreCase) && !(p.Value is string s && s.StartsWith(LocalImageMarkerStart, StringComparison.Ordinal)))
                .Where(p => !IsImageValue(p.Key))
                .Select(p => p.Key + "=" + WireValue.Format(p.Value));
            string cost = Estimate.IsKnown
                ? $"estimated cost {CostEstimate.FormatAmount(Estimate.Amount!.Value)} {Estimate.Currency} ({Estimate.Basis})"
                : $"cost unknown before it runs ({Estimate.Basis})";
            string joined = string.Join(", ", settings);
            return $"{Model.DisplayName}{(joined.Length > 0 ? " (" + joined + ")" : string.Empty)}, {cost}";
        }

        internal const string LocalImageMarkerStart = "<base64 of ";

        /// <summary>How a local image reads where its content is left out: "&lt;base64 of C:\stills\a.png&gt;".</summary>
        public static string DescribeLocalImage(ImageInput image) => LocalImageMarkerStart + image.FilePath + ">";

        /// <summary>True when the argument of that name holds images (by the page, or by name for a model the catalog lacks).</summary>
        internal bool IsImageValue(string name)
        {
            var parameter = Model.Definition?.FindParameter(name);
            return parameter != null ? parameter.TakesImages : string.Equals(name, "image", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "images", StringComparison.OrdinalIgnoreCase);
        }

        private static object? ForDisplay(object? value)
        {
            switch (value)
            {
                case ImageInput image:
                    return image.IsLocalFile ? DescribeLocalImage(image) : image.Original;
                case IDictionary<string, object?> dictionary:
                    return dictionary.ToDictionary(p => p.Key, p => ForDisplay(p.Value), StringComparer.Ordinal);
                case string text:
                    return text;
                case IEnumerable items:
                    return items.Cast<object?>().Select(ForDisplay).ToArray();
                default:
                    return value;
            }
        }

        private string ComputeInputKey()
        {
            var text = new StringBuilder();
            text.Append(Model.Id).Append('\n');
            foreach (var pair in DisplayArguments)
            {
                text.Append(pair.Key).Append('=');
                AppendCanonical(text, pair.Value);
                text.Append('\n');
            }

            text.Append("callback=").Append(CallbackUrl ?? string.Empty);
            using var sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString()));
            return string.Concat(hash.Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }

        private static void AppendCanonical(StringBuilder text, object? value)
        {
            switch (value)
            {
                case null:
                    text.Append("null");
                    break;
                case string s:
                    text.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                    break;
                case IDictionary<string, object?> dictionary:
                    text.Append('{');
                    foreach (var pair in dictionary.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        text.Append(pair.Key).Append(':');
                        AppendCanonical(text, pair.Value);
                        text.Append(',');
                    }

                    text.Append('}');
                    break;
                case IEnumerable items:
                    text.Append('[');
                    foreach (var item in items)
                    {
                        AppendCanonical(text, item);
                        text.Append(',');
                    }

                    text.Append(']');
                    break;
                default:
                    text.Append(WireValue.Format(value));
                    break;
            }
        }
    }
}
