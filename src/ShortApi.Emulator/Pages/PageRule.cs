using System;

namespace ShortApi.Emulator.Pages
{
    /// <summary>
    /// A rule a page states across parameters, kept in the page's own words with a check that
    /// finds it broken. Written apart from the client's catalog rules, so a slip in either shows
    /// up as a disagreement between the two.
    /// </summary>
    internal sealed class PageRule
    {
        private readonly Func<PageArguments, bool> _isBroken;

        public PageRule(string pageSays, Func<PageArguments, bool> isBroken)
        {
            PageSays = pageSays;
            _isBroken = isBroken;
        }

        /// <summary>The page's sentence, which the refusal quotes.</summary>
        public string PageSays { get; }

        public bool IsBrokenBy(PageArguments arguments) => _isBroken(arguments);
    }
}
