using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.HelpBuilder.Markdown;
using ShortApi.HelpBuilder.Metadata;

namespace ShortApi.HelpBuilder.Validation
{
    /// <summary>
    /// Holds a cmdlet's markdown against its compiled metadata: every parameter documented and no
    /// parameter documented that does not exist, at least two examples, and prose for each type it
    /// takes from the pipeline or emits (and none for types it does not).
    /// </summary>
    public sealed class HelpCoverageValidator
    {
        public const int MinimumExamples = 2;

        private readonly List<HelpProblem> _problems;

        public HelpCoverageValidator(List<HelpProblem> problems)
        {
            _problems = problems;
        }

        public void Validate(CmdletMetadata cmdlet, CommandHelpDocument doc)
        {
            if (doc.Examples.Count < MinimumExamples)
            {
                Report(HelpProblemCodes.TooFewExamples, doc.Path, doc.ExamplesLine, $"{cmdlet.Name} has {doc.Examples.Count} example(s); at least {MinimumExamples} are needed.");
            }

            foreach (var parameter in cmdlet.Parameters.Where(p => !doc.Parameters.Any(d => Same(d.Name, p.Name))))
            {
                Report(HelpProblemCodes.UndocumentedParameter, doc.Path, doc.ParametersLine, $"-{parameter.Name} of {cmdlet.Name} is not documented: add '### -{parameter.Name}' with its description under '## PARAMETERS'.");
            }

            foreach (var documented in doc.Parameters.Where(d => !cmdlet.Parameters.Any(p => Same(d.Name, p.Name))))
            {
                Report(HelpProblemCodes.UnknownParameter, doc.Path, documented.Line, $"-{documented.Name} is documented, but {cmdlet.Name} has no such parameter (common parameters such as -WhatIf are not documented per cmdlet).");
            }

            CheckTypes(doc.Path, "INPUTS", cmdlet.InputTypes, doc.Inputs, $"{cmdlet.Name} takes from the pipeline by value");
            CheckTypes(doc.Path, "OUTPUTS", cmdlet.OutputTypes, doc.Outputs, $"{cmdlet.Name} declares with [OutputType]");
        }

        private void CheckTypes(string path, string section, IReadOnlyList<TypeLabel> types, TypeSection docs, string what)
        {
            foreach (var type in types.Where(t => !docs.Types.Any(d => Same(d.Name, t.FullName))))
            {
                Report(HelpProblemCodes.UndocumentedType, path, docs.Line, $"{type.FullName}, which {what}, is not described: add '### {type.FullName}' under '## {section}'.");
            }

            foreach (var documented in docs.Types.Where(d => !types.Any(t => Same(d.Name, t.FullName))))
            {
                string expected = types.Count == 0 ? "none, so write prose without a '###' heading" : string.Join(", ", types.Select(t => t.FullName));
                Report(HelpProblemCodes.UnknownType, path, documented.Line, $"'### {documented.Name}' is not a type {what} (expected: {expected}).");
            }

            if (types.Count == 0 && docs.Prose.Count == 0)
            {
                Report(HelpProblemCodes.MissingSection, path, docs.Line, $"'## {section}' is empty; say so in a sentence (for example: it takes nothing from the pipeline).");
            }
        }

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

        private void Report(string code, string path, int line, string message) =>
            _problems.Add(new HelpProblem(code, path, line > 0 ? line : null, message));
    }
}
