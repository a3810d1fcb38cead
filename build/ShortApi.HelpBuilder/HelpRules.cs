using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShortApi.HelpBuilder.Markdown;
using ShortApi.HelpBuilder.Metadata;

namespace ShortApi.HelpBuilder
{
    /// <summary>
    /// What keeps the help true to the module: a page per cmdlet and a cmdlet per page, every parameter
    /// documented and none that does not exist, at least two examples, and related links that name a
    /// page of this help (the MAML carries no address, so Get-Help -Online never opens one that fails).
    /// The rest of the layout is left to the author: a section that is missing is written empty.
    /// </summary>
    public static class HelpRules
    {
        public const int MinimumExamples = 2;

        public static IReadOnlyList<HelpProblem> Check(IReadOnlyList<CmdletMetadata> cmdlets, IReadOnlyList<HelpPage> pages, string docsFolder)
        {
            var problems = cmdlets
                .Where(c => !pages.Any(p => p.Name == c.Name))
                .Select(c => new HelpProblem(HelpProblem.MissingPage, Path.Combine(docsFolder, c.Name + ".md"), null, $"{c.Name} has no help: write {c.Name}.md (see docs/help/README.md for the layout)."))
                .ToList();
            var pageNames = pages.Select(p => p.Name).ToList();
            foreach (var page in pages.Where(p => !p.IsAboutTopic))
            {
                // A page for a cmdlet that is gone (renamed, removed) would otherwise linger unnoticed.
                var cmdlet = cmdlets.FirstOrDefault(c => c.Name == page.Name);
                problems.AddRange(cmdlet == null
                    ? new[] { new HelpProblem(HelpProblem.UnknownCommand, page.Path, null, $"the module has no cmdlet named {page.Name}; rename or delete this page.") }
                    : Check(cmdlet, new CommandPage(page), pageNames));
            }

            return problems;
        }

        private static IEnumerable<HelpProblem> Check(CmdletMetadata cmdlet, CommandPage page, IReadOnlyList<string> pageNames)
        {
            HelpProblem Problem(string code, int? line, string message) => new HelpProblem(code, page.Page.Path, line, message);

            foreach (var parameter in cmdlet.Parameters.Where(p => page.Parameters?.Subsection("-" + p.Name) == null))
            {
                yield return Problem(HelpProblem.UndocumentedParameter, page.Parameters?.Line, $"-{parameter.Name} of {cmdlet.Name} is not documented: add '### -{parameter.Name}' with its description under '## PARAMETERS'.");
            }

            var names = cmdlet.Parameters.Select(p => "-" + p.Name).ToList();
            foreach (var documented in (page.Parameters?.Subsections ?? new List<PageSection>()).Where(d => !names.Contains(d.Heading, StringComparer.OrdinalIgnoreCase)))
            {
                yield return Problem(HelpProblem.UnknownParameter, documented.Line, $"'### {documented.Heading}' documents no parameter of {cmdlet.Name} (its parameters: {(names.Count == 0 ? "none" : string.Join(", ", names))}; common parameters such as -WhatIf are not documented per cmdlet).");
            }

            if (page.Examples.Count < MinimumExamples)
            {
                yield return Problem(HelpProblem.TooFewExamples, page.ExamplesSection?.Line, $"{cmdlet.Name} has {page.Examples.Count} example(s); at least {MinimumExamples} are needed, each a '### Example N: <what it shows>' heading over its code under '## EXAMPLES'.");
            }

            foreach (var link in page.RelatedLinks.Where(l => l.Url != l.Text + ".md" || !pageNames.Contains(l.Text)))
            {
                yield return Problem(HelpProblem.BrokenLink, link.Line, PlainText.IsAbsolute(link.Url)
                    ? $"'{link.Text}' links to {link.Url}; related links name help topics only, as '- [Cmdlet-Name](Cmdlet-Name.md)', so that no help link can fail."
                    : $"'{link.Text}' does not link to a page of this help; write '- [Name](Name.md)' with one of: {string.Join(", ", pageNames)}.");
            }
        }
    }
}
