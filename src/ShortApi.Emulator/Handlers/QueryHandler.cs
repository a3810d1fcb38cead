using System.Net;
using System.Threading.Tasks;
using ShortApi.Emulator.Faults;

namespace ShortApi.Emulator.Handlers
{
    /// <summary>GET /api/v1/job/query?id=...: the job's status by the emulator's clock, its outputs once it succeeded.</summary>
    internal sealed class QueryHandler
    {
        private readonly EmulatorState _state;
        private readonly FaultResponder _faults;

        public QueryHandler(EmulatorState state)
        {
            _state = state;
            _faults = new FaultResponder(state);
        }

        public async Task HandleAsync(HttpListenerContext context)
        {
            _state.Stats.QueryReceived(_state.SecondNow());
            _state.Stats.QueryStarted();
            try
            {
                await AnswerAsync(context).ConfigureAwait(false);
            }
            finally
            {
                _state.Stats.QueryFinished();
            }
        }

        private async Task AnswerAsync(HttpListenerContext context)
        {
            var options = _state.Options;
            var fault = _faults.Next(EmulatorRoute.Query);
            await options.Clock.Delay(options.QueryLatency, default).ConfigureAwait(false);
            if (fault != null)
            {
                if (fault.Kind != "stall")
                {
                    await _faults.RespondAsync(context, fault).ConfigureAwait(false);
                    return;
                }

                await Task.Delay(options.Clock.ToRealTime(fault.Delay)).ConfigureAwait(false);
            }

            string? id = context.Request.QueryString["id"];
            if (string.IsNullOrEmpty(id) || !_state.Jobs.TryGetValue(id!, out var job))
            {
                await Exchange.SendErrorAsync(context, 404, $"job '{id}' not found").ConfigureAwait(false);
                return;
            }

            var now = options.Clock.UtcNow;
            int status = job.StatusAt(now);
            job.CountQuery(now, status >= 2);
            await Exchange.SendEnvelopeAsync(context, 200, 0, "success", w =>
            {
                w.WriteStartObject();
                w.WriteString("job_id", job.Id);
                w.WriteNumber("status", status);
                if (status == 2)
                {
                    w.WriteStartObject("result");
                    w.WriteStartArray("images");
                    for (int i = 0; i < options.OutputsPerJob; i++)
                    {
                        w.WriteStartObject();
                        w.WriteString("url", _state.OutputUrl(job.Id, i).AbsoluteUri);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else if (status >= 3)
                {
                    w.WriteString("error", "the emulator failed this job on purpose (FailureRate)");
                    w.WriteBoolean("refunded", true);
                }

                w.WriteEndObject();
            }).ConfigureAwait(false);
        }
    }
}
