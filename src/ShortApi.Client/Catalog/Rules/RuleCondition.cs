using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Catalog.Rules
{
    /// <summary>
    /// When a rule or a price applies: every named argument has the given value (given or default)
    /// and every named list has exactly the given number of items. An empty condition always holds.
    /// </summary>
    public sealed class RuleCondition
    {
        public static readonly RuleCondition Always = new RuleCondition(null, null);

        public RuleCondition(IReadOnlyDictionary<string, object>? values, IReadOnlyDictionary<string, int>? counts)
        {
            Values = values ?? new Dictionary<string, object>();
            Counts = counts ?? new Dictionary<string, int>();
        }

        public IReadOnlyDictionary<string, object> Values { get; }

        public IReadOnlyDictionary<string, int> Counts { get; }

        public bool IsAlways => Values.Count == 0 && Counts.Count == 0;

        public bool Matches(EffectiveArguments arguments)
        {
            foreach (var pair in Values)
            {
                if (!arguments.TryGetValue(pair.Key, out var actual) || !WireValue.AreEqual(actual, pair.Value))
                {
                    return false;
                }
            }

            foreach (var pair in Counts)
            {
                if (arguments.CountOf(pair.Key) != pair.Value)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>"resolution '1080p'" or "action 'frame' and 1 images": the condition as a message reads it.</summary>
        public string Describe()
        {
            var parts = Values.Select(p => $"{p.Key} {WireValue.Quote(p.Value)}")
                .Concat(Counts.Select(p => $"{p.Value} item{(p.Value == 1 ? string.Empty : "s")} in {p.Key}"));
            return string.Join(" and ", parts);
        }

        public override string ToString() => IsAlways ? "always" : Describe();
    }
}
