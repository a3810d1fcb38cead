using System.Net;
using System.Threading.Tasks;
using ShortApi.Emulator.Handlers;

namespace ShortApi.Emulator.Faults
{
    /// <summary>Chooses the fault for an API request (scripted first, then the configured rates) and answers with it.</summary>
    internal sealed class FaultResponder
    {
        private readonly EmulatorState _state;

        public FaultResponder(EmulatorState state)
        {
            _state = state;
        }

        /// <summary>The scripted fault for the route, else one drawn from the rates, else null.</summary>
        public EmulatorFault? Next(EmulatorRoute route)
        {
            var options = _state.Options;
            var fault = _state.Faults.Take(route);
            if (fault != null)
            {
                return fault;
            }

            var limiter = route == EmulatorRoute.Query ? _state.QueryLimiter : route == EmulatorRoute.Create ? _state.CreateLimiter : null;
            if (limiter != null && !limiter.TryTake(out var wait))
            {
                _state.Stats.Limited(route, _state.SecondNow());
                return EmulatorFault.Status(429, wait);
            }

            if (_state.Chance(options.RateLimitRate))
            {
                return EmulatorFault.Status(429, options.RetryAfter);
            }

            if (_state.Chance(options.ServiceUnavailableRate))
            {
                return EmulatorFault.Status(503, options.RetryAfter);
            }

            return route == EmulatorRoute.Query && _state.Chance(options.QueryServerErrorRate) ? EmulatorFault.Status(500) : null;
        }

        /// <summary>Answers (or drops) the request as the fault says. A stall is not an answer: it is waited out by the caller.</summary>
        public Task RespondAsync(HttpListenerContext context, EmulatorFault fault)
        {
            switch (fault.Kind)
            {
                case "drop":
                    context.Response.Abort();
                    return Task.CompletedTask;
                case "garbage":
                    return Exchange.SendGarbageAsync(context);
                case "envelope":
                    return Exchange.SendEnvelopeAsync(context, 200, fault.StatusCode, fault.Message ?? "error", null);
                case "job-status":
                    return SendJobAsync(context, fault.StatusCode, null, fault.Message);
                case "output-url":
                    return SendJobAsync(context, 2, fault.Message, null);
                case "echo-auth":
                    return SendJobAsync(context, 3, null, "could not process request with headers: Authorization: " + context.Request.Headers["Authorization"]);
                default:
                    return Exchange.SendErrorAsync(context, fault.StatusCode, Describe(fault.StatusCode), fault.RetryAfter);
            }
        }

        private static Task SendJobAsync(HttpListenerContext context, int status, string? url, string? error) =>
            Exchange.SendEnvelopeAsync(context, 200, 0, "success", w =>
            {
                w.WriteStartObject();
                w.WriteString("job_id", context.Request.QueryString["id"]);
                w.WriteNumber("status", status);
                if (url != null)
                {
                    w.WriteStartObject("result");
                    w.WriteStartArray("images");
                    w.WriteStartObject();
                    w.WriteString("url", url);
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                if (error != null)
                {
                    w.WriteString("error", error);
                }

                w.WriteEndObject();
            });

        private static string Describe(int status)
        {
            switch (status)
            {
                case 429: return "too many requests";
                case 503: return "service unavailable";
                case 500: return "internal error";
                case 502: return "bad gateway";
                case 504: return "gateway timeout";
                case 402: return "insufficient balance";
                default: return "error " + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
