using System.Collections.Generic;

namespace ShortApi.TestSupport
{
    /// <summary>What one run of a <see cref="ResumableBatch"/> did.</summary>
    public sealed class BatchOutcome
    {
        public int Created { get; set; }

        public int AlreadyInJournal { get; set; }

        /// <summary>Inputs whose create may or may not have happened: reported, not sent again.</summary>
        public List<string> Unknown { get; } = new List<string>();

        public List<string> Files { get; } = new List<string>();

        public List<string> Failures { get; } = new List<string>();
    }
}
