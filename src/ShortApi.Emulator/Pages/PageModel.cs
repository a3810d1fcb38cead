using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Emulator.Pages
{
    /// <summary>One model's page: its id, its input schema and the cross-field rules its text states.</summary>
    internal sealed class PageModel
    {
        public PageModel(string id, IReadOnlyList<PageParameter> parameters, params PageRule[] rules)
        {
            Id = id;
            Parameters = parameters;
            Rules = rules;
        }

        public string Id { get; }

        public IReadOnlyList<PageParameter> Parameters { get; }

        public IReadOnlyList<PageRule> Rules { get; }

        public PageParameter? Find(string name) => Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
    }
}
