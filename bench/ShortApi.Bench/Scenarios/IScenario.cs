using System.Threading.Tasks;
using ShortApi.Bench.Reporting;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>One of the measurements, producing its section of the report.</summary>
    internal interface IScenario
    {
        /// <summary>The name --only selects it by.</summary>
        string Name { get; }

        string Title { get; }

        Task<ScenarioReport> RunAsync(BenchContext context);
    }
}
