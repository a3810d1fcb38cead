using System;
using System.Collections.Generic;
using System.Globalization;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>"--name value" options and "--flag" switches; enough for the bench and its child roles.</summary>
    internal sealed class CommandLine
    {
        private readonly Dictionary<string, string?> _options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        public static CommandLine Parse(IReadOnlyList<string> args)
        {
            var commandLine = new CommandLine();
            for (int i = 0; i < args.Count; i++)
            {
                string name = args[i];
                if (!name.StartsWith('-'))
                {
                    throw new ArgumentException($"Unexpected argument '{name}'.");
                }

                bool hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                commandLine._options[name] = hasValue ? args[++i] : null;
            }

            return commandLine;
        }

        public bool Has(string name) => _options.ContainsKey(name);

        public string? Value(string name) => _options.TryGetValue(name, out var value) ? value : null;

        public string Require(string name) =>
            Value(name) ?? throw new ArgumentException($"The option {name} needs a value.");

        public int Int(string name, int fallback) =>
            Value(name) is string text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        public double Double(string name, double fallback) =>
            Value(name) is string text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
    }
}
