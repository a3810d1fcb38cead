using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShortApi.HelpBuilder.Markdown;

namespace ShortApi.HelpBuilder.Validation
{
    /// <summary>
    /// Holds RELATED LINKS to the pages beside them. The MAML carries no address for any link, so
    /// Get-Help -Online never opens one that fails; a link therefore must name a topic Get-Help can
    /// show by that name: a page in the same folder, "[Name](Name.md)".
    /// </summary>
    public sealed class RelatedLinkValidator
    {
        private readonly List<HelpProblem> _problems;
        private readonly IReadOnlyCollection<string> _pages;

        /// <param name="problems">Where problems are reported.</param>
        /// <param name="pages">The names of the pages in the help folder (cmdlets and about topics), without ".md".</param>
        public RelatedLinkValidator(List<HelpProblem> problems, IReadOnlyCollection<string> pages)
        {
            _problems = problems;
            _pages = pages;
        }

        public void Validate(CommandHelpDocument doc)
        {
            foreach (var link in doc.RelatedLinks.Where(l => l.Target != null && !Resolves(l)))
            {
                string message = PlainText.IsAbsolute(link.Target)
                    ? $"'{link.Text}' links to {link.Target}; related links name help topics only, as '- [Cmdlet-Name](Cmdlet-Name.md)', so that no help link can fail."
                    : $"'[{link.Text}]({link.Target})' does not name a page of this help; link as '- [Name](Name.md)' to one of: {string.Join(", ", _pages)}.";
                _problems.Add(new HelpProblem(HelpProblemCodes.BrokenLink, doc.Path, link.Line, message));
            }
        }

        /// <summary>Get-Help finds a related topic by its text, so the text must be the name of the page it links to.</summary>
        private bool Resolves(RelatedLink link) =>
            string.Equals(link.Target, link.Text + ".md", StringComparison.Ordinal) && _pages.Contains(link.Text, StringComparer.Ordinal);
    }
}
