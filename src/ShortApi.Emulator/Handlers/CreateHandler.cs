using System;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using ShortApi.Emulator.Faults;
using ShortApi.Emulator.Pages;
using ShortApi.Emulator.Wire;

namespace ShortApi.Emulator.Handlers
{
    /// <summary>POST /api/v1/job/create: checks the body like the model's page, creates the job, answers its id and amount.</summary>
    internal sealed class CreateHandler
    {
        private readonly EmulatorState _state;
        private readonly FaultResponder _faults;

        public CreateHandler(EmulatorState state)
        {
            _state = state;
            _faults = new FaultResponder(state);
        }

        public async Task HandleAsync(HttpListenerContext context)
        {
            _state.Stats.CreateReceived(_state.SecondNow());
            var inFlight = new CreateInFlight(_state.Stats);
            try
            {
                await HandleCoreAsync(context, inFlight).ConfigureAwait(false);
            }
            finally
            {
                inFlight.End();
            }
        }

        /// <summary>
        /// Judges and answers one create. Its count in flight ends as the answer starts: a client may
        /// send its next create the moment it reads one, so counting past that would see one too many.
        /// </summary>
        private async Task HandleCoreAsync(HttpListenerContext context, CreateInFlight inFlight)
        {
            var options = _state.Options;
            var fault = _faults.Next(EmulatorRoute.Create);
            if (fault?.Kind == "stall-before-body")
            {
                // Not reading the body holds a large upload half-way: the client cannot finish sending it.
                await Task.Delay(options.Clock.ToRealTime(fault.Delay)).ConfigureAwait(false);
                fault = null;
            }

            var (body, length) = await Exchange.ReadBodyAsync(context.Request).ConfigureAwait(false);
            if (fault != null && !fault.ProcessFirst && fault.Kind != "stall")
            {
                inFlight.End();
                await _faults.RespondAsync(context, fault).ConfigureAwait(false);
                return;
            }

            var verdict = CreateJudge.Judge(body, length, options.AcceptUnknownModels);
            if (!verdict.Accepted)
            {
                _state.Stats.CreateRejected();
                inFlight.End();
                await Exchange.SendErrorAsync(context, 400, verdict.Refusal!).ConfigureAwait(false);
                return;
            }

            var job = CreateJob(verdict.Body!, body, length);
            await options.Clock.Delay(options.CreateLatency, default).ConfigureAwait(false);

            string answeredId = job.Id;
            if (fault != null)
            {
                if (fault.Kind == "stall")
                {
                    await Task.Delay(options.Clock.ToRealTime(fault.Delay)).ConfigureAwait(false);
                }
                else if (fault.Kind == "jobid")
                {
                    answeredId = fault.Message!;
                }
                else
                {
                    inFlight.End();
                    await _faults.RespondAsync(context, fault).ConfigureAwait(false);
                    return;
                }
            }

            inFlight.End();
            await Exchange.SendEnvelopeAsync(context, 200, 0, "success", w =>
            {
                w.WriteStartObject();
                w.WriteString("amount", job.Amount.HasValue ? job.Amount.Value.ToString("0.00##", CultureInfo.InvariantCulture) : "0");
                w.WriteString("job_id", answeredId);
                w.WriteEndObject();
            }).ConfigureAwait(false);
        }

        private EmulatedJob CreateJob(CreateBody parsed, byte[] body, int length)
        {
            var options = _state.Options;
            var job = new EmulatedJob(
                _state.NextJobId(),
                parsed.Model!,
                options.Clock.UtcNow,
                options.JobDuration,
                _state.Chance(options.FailureRate),
                ListPrice.For(parsed.Model!, parsed.Args!),
                options.RecordCreateBodies ? Encoding.UTF8.GetString(body, 0, length) : null);
            _state.Jobs[job.Id] = job;
            _state.Stats.JobCreated();
            return job;
        }
    }
}
