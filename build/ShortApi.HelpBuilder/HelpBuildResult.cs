using System.Collections.Generic;
using ShortApi.HelpBuilder.Validation;

namespace ShortApi.HelpBuilder
{
    /// <summary>What a run found wrong, and how much help it wrote when nothing was.</summary>
    public sealed record HelpBuildResult(IReadOnlyList<HelpProblem> Problems, int CommandCount, int AboutTopicCount);
}
