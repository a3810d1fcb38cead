using System;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Bench.Emulation;
using ShortApi.Bench.Infrastructure;
using ShortApi.Bench.Reporting;

namespace ShortApi.Bench.Scenarios
{
    /// <summary>
    /// Scenario 5: default settings against an emulator that rate-limits like a real server (a
    /// token bucket per route; 429 with Retry-After above it, nothing created). The adaptive
    /// throttle and budget must find its limits and stay near them, and no create may be lost or
    /// repeated through the 429s.
    /// </summary>
    internal sealed class RateLimitRun : IScenario
    {
        /// <summary>"Never above its limit for long": the emulator refuses requests in no more than this many seconds in a row.</summary>
        private const int LongestRunAllowed = 2;

        public string Name => "ratelimit";

        public string Title => "5. Against a service that rate-limits";

        public Task<ScenarioReport> RunAsync(BenchContext context) => Task.FromResult(Run(context));

        private ScenarioReport Run(BenchContext context)
        {
            var settings = context.Settings;
            int n = settings.RateLimitJobs;
            var emulatorSettings = EmulatorSettings.Standard with { QueryRateLimit = settings.QueryRateLimit, CreateRateLimit = settings.CreateRateLimit };
            var report = new ScenarioReport(Title);
            report.Setup.Add($"{n} distinct 64x64 PNGs through the scenario 1 pipeline at default settings (the throttle may grow to 16 creates in flight, 160/s at this latency; the budget to 400 queries/s).");
            report.Setup.Add($"Emulator in a child process: {emulatorSettings.Describe()}. Each limit is a token bucket holding one second's worth; a refused request gets 429 and a Retry-After of the wait for the next token, rounded up to whole seconds as the header requires (so 1 s).");
            report.Setup.Add("Offered load = every request the emulator received in a second of its clock, refused ones and their retries included. The limit is a token bucket, so a second after quieter ones may take more than the limit; whether the client was over the limit is the emulator's own verdict: the seconds in which it refused requests.");

            Log.Line($"ratelimit: {n} jobs, limits {settings.QueryRateLimit:0} queries/s, {settings.CreateRateLimit:0} creates/s");
            using var images = ImageSet.SmallPngs(n);
            using var emulator = EmulatorProcess.Start(emulatorSettings);
            using var output = new OutputFolder();
            var outcome = BatchPipeline.Run(BenchClient.Create(emulator.BaseAddress), images.Paths, null, output.Path);
            var snapshot = emulator.Snapshot();
            int videos = output.CountVideos();
            var queries = OfferedLoad.Of(snapshot.Timeline, queries: true);
            var creates = OfferedLoad.Of(snapshot.Timeline, queries: false);
            var figures = JobFigures.Of(snapshot.Jobs);
            // The bucket starts full: a second's worth of creates goes at once, the rest at the limit.
            var floor = TimeSpan.FromSeconds(Math.Max(0, n - settings.CreateRateLimit) / settings.CreateRateLimit) + emulatorSettings.JobDuration;
            Log.Line($"ratelimit: wall {Units.Seconds(outcome.Wall)}, refused {snapshot.QueriesRateLimited} queries and {snapshot.CreatesRateLimited} creates, videos {videos}");

            var table = new ReportTable(null, "Route", "Limit", "Offered per second (mean / peak)", "Seconds with refusals (of all)", "Longest run of them", "Refused (429)", "Requests in all");
            table.Add("queries", $"{settings.QueryRateLimit:0}/s", $"{Units.Number(queries.MeanPerSecond)} / {queries.PeakPerSecond}", $"{queries.SecondsRefusing} of {queries.Seconds}", $"{queries.LongestRunRefusing} s", queries.Refused.ToString(), snapshot.QueryRequests.ToString());
            table.Add("creates", $"{settings.CreateRateLimit:0}/s", $"{Units.Number(creates.MeanPerSecond)} / {creates.PeakPerSecond}", $"{creates.SecondsRefusing} of {creates.Seconds}", $"{creates.LongestRunRefusing} s", creates.Refused.ToString(), snapshot.CreateRequests.ToString());
            report.Tables.Add(table);

            var result = new ReportTable(null, "Wall", "Least possible at the create limit", "Videos on disk", "Jobs created", "Create requests", "Queries per job (mean / max)", "Lateness (median / p95 / max)", "Problems");
            result.Add(
                Units.Seconds(outcome.Wall),
                Units.Seconds(floor),
                videos.ToString(),
                snapshot.JobsCreated.ToString(),
                $"{snapshot.CreateRequests} ({n} + {snapshot.CreatesRateLimited} refused)",
                figures.Queries,
                figures.Lateness,
                outcome.Problems.Count == 0 ? "none" : $"{outcome.Problems.Count}: {outcome.Problems[0]}");
            report.Tables.Add(result);

            var perSecond = new ReportTable("Second by second (emulator clock): requests received, and how many of them were refused.", "Second", "Queries", "Queries refused", "Creates", "Creates refused");
            foreach (var second in snapshot.Timeline)
            {
                perSecond.Add(second.Second.ToString(), second.Queries.ToString(), second.QueriesLimited.ToString(), second.Creates.ToString(), second.CreatesLimited.ToString());
            }

            report.Tables.Add(perSecond);

            bool exact = videos == n && snapshot.JobsCreated == n && snapshot.CreateRequests == n + snapshot.CreatesRateLimited && outcome.Problems.Count == 0;
            report.Checks.Add(new TargetCheck(
                "no create lost or repeated",
                $"{videos} videos, {snapshot.JobsCreated} jobs created, {snapshot.CreateRequests} create requests = {n} + {snapshot.CreatesRateLimited} refused",
                $"{n} each; every extra request a refused one",
                exact));
            report.Checks.Add(new TargetCheck(
                "queries: longest run of seconds in which the service refused some (over its limit)",
                $"{queries.LongestRunRefusing} s ({queries.SecondsRefusing} such seconds of {queries.Seconds}, {queries.Refused} refused; {Units.Number(queries.MeanPerSecond)}/s offered on average against {settings.QueryRateLimit:0}/s)",
                $"<= {LongestRunAllowed} s",
                queries.LongestRunRefusing <= LongestRunAllowed));
            report.Checks.Add(new TargetCheck(
                "creates: longest run of seconds in which the service refused some (over its limit)",
                $"{creates.LongestRunRefusing} s ({creates.SecondsRefusing} such seconds of {creates.Seconds}, {creates.Refused} refused; {Units.Number(creates.MeanPerSecond)}/s offered on average against {settings.CreateRateLimit:0}/s)",
                $"<= {LongestRunAllowed} s",
                creates.LongestRunRefusing <= LongestRunAllowed));
            report.Notes.Add("How the client finds the limits: the throttle and the budget grow until the service first refuses (the budget doubling every 250 ms while fully used, so its first overshoot is the largest), then halve, wait out the Retry-After, and probe upwards again gently (creates: one more in flight per calm second; queries: a tenth of the rate that met the limit per calm second). Each refusal is a single 429 answered at once; the refused create is sent again after the Retry-After and creates its job then.");
            report.Notes.Add($"The least possible time here is set by the create limit: after the first second's worth, {n} creates at {settings.CreateRateLimit:0}/s take {Units.Seconds(floor - emulatorSettings.JobDuration)}, plus one job length. The queries, some 1.5 per job, need about as long at {settings.QueryRateLimit:0}/s.");
            return report;
        }
    }
}
