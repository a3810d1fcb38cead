using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ShortApi.PowerShell.Completion
{
    /// <summary>
    /// What the session's $PSDefaultParameterValues gives a parameter of a command, as binding
    /// would: the value of an exact "Command:Parameter" key, else the one value of the keys whose
    /// wildcards match. PowerShell hands completers only what the line binds, so a -Model set
    /// through $PSDefaultParameterValues is read here. A script-block value is computed at binding
    /// time, and a disabled table binds nothing: neither gives a value.
    /// </summary>
    internal static class DefaultParameterValues
    {
        private const string VariableName = "PSDefaultParameterValues";

        public static object? Find(string commandName, string parameterName) => Find(Read(), commandName, parameterName);

        private static object? Find(IDictionary? table, string commandName, string parameterName)
        {
            if (table == null || string.IsNullOrEmpty(commandName) || IsDisabled(table))
            {
                return null;
            }

            var matches = new List<(bool Exact, object? Value)>();
            foreach (DictionaryEntry entry in table)
            {
                if (entry.Key is string key && TrySplit(key, out string command, out string parameter) &&
                    Matches(command, commandName) && Matches(parameter, parameterName))
                {
                    bool exact = string.Equals(command, commandName, StringComparison.OrdinalIgnoreCase) &&
                        string.Equals(parameter, parameterName, StringComparison.OrdinalIgnoreCase);
                    matches.Add((exact, Unwrap(entry.Value)));
                }
            }

            var exactMatch = matches.FirstOrDefault(m => m.Exact);
            if (exactMatch.Exact)
            {
                return Usable(exactMatch.Value);
            }

            // Patterns that disagree give nothing rather than a guess.
            var values = matches.Select(m => m.Value).Distinct().ToList();
            return values.Count == 1 ? Usable(values[0]) : null;
        }

        /// <summary>
        /// The table in the session that runs the completion; null outside one. Read through a
        /// nested pipeline on the completion's own thread: the runspace is busy running the
        /// completion, so SessionStateProxy would refuse.
        /// </summary>
        private static IDictionary? Read()
        {
            if (Runspace.DefaultRunspace == null)
            {
                return null;
            }

            try
            {
                using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
                var found = shell.AddCommand("Microsoft.PowerShell.Utility\\Get-Variable")
                    .AddParameter("Name", VariableName)
                    .AddParameter("ValueOnly")
                    .AddParameter("ErrorAction", ActionPreference.Ignore)
                    .Invoke();
                return found.Count > 0 ? Unwrap(found[0]) as IDictionary : null;
            }
            catch (Exception ex) when (ex is PSInvalidOperationException || ex is InvalidRunspaceStateException || ex is RuntimeException)
            {
                // A session that cannot run the lookup just gives no defaults; completion goes on.
                return null;
            }
        }

        private static bool IsDisabled(IDictionary table) =>
            table.Contains("Disabled") && LanguagePrimitives.IsTrue(table["Disabled"]);

        private static bool TrySplit(string key, out string command, out string parameter)
        {
            int colon = key.IndexOf(':');
            command = colon > 0 ? key.Substring(0, colon).Trim() : string.Empty;
            parameter = colon > 0 ? key.Substring(colon + 1).Trim() : string.Empty;
            return command.Length > 0 && parameter.Length > 0;
        }

        private static bool Matches(string pattern, string name) =>
            WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase).IsMatch(name);

        private static object? Usable(object? value) => value is ScriptBlock ? null : value;

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
