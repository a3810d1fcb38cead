using System;

namespace ShortApi.Emulator.Faults
{
    /// <summary>One scripted misbehaviour for the next request to a route.</summary>
    public sealed class EmulatorFault
    {
        private EmulatorFault(string kind)
        {
            Kind = kind;
        }

        public string Kind { get; }

        /// <summary>For Status: the HTTP status to answer with.</summary>
        public int StatusCode { get; private set; }

        /// <summary>For Status: a Retry-After header to send.</summary>
        public TimeSpan? RetryAfter { get; private set; }

        /// <summary>For a create: carry the request out (create the job) before misbehaving, like a server that failed after committing.</summary>
        public bool ProcessFirst { get; private set; }

        /// <summary>For Delay: how long to stall before answering normally.</summary>
        public TimeSpan Delay { get; private set; }

        /// <summary>Answer as usual: lets a later request in the queue be the one that misbehaves.</summary>
        public static EmulatorFault Pass() => new EmulatorFault("pass");

        /// <summary>Answer with this HTTP status and an error envelope.</summary>
        public static EmulatorFault Status(int statusCode, TimeSpan? retryAfter = null, bool processFirst = false) =>
            new EmulatorFault("status") { StatusCode = statusCode, RetryAfter = retryAfter, ProcessFirst = processFirst };

        /// <summary>Close the connection without an answer.</summary>
        public static EmulatorFault DropConnection(bool processFirst = false) => new EmulatorFault("drop") { ProcessFirst = processFirst };

        /// <summary>Answer 200 with a body that is not JSON.</summary>
        public static EmulatorFault Garbage(bool processFirst = false) => new EmulatorFault("garbage") { ProcessFirst = processFirst };

        /// <summary>Wait this long, then answer normally (to trip a client timeout).</summary>
        public static EmulatorFault Stall(TimeSpan delay, bool processFirst = true) => new EmulatorFault("stall") { Delay = delay, ProcessFirst = processFirst };

        /// <summary>For a download: announce the full length, send half, close.</summary>
        public static EmulatorFault Truncate() => new EmulatorFault("truncate");

        /// <summary>Answer 200 with an envelope carrying this non-zero code and message.</summary>
        public static EmulatorFault EnvelopeError(int code, string message) => new EmulatorFault("envelope") { StatusCode = code, Message = message };

        public string? Message { get; private set; }

        /// <summary>For a create: wait this long before reading the request's body, so a large upload stalls half-way; then answer normally.</summary>
        public static EmulatorFault StallBeforeBody(TimeSpan delay) => new EmulatorFault("stall-before-body") { Delay = delay };

        /// <summary>For a create: the job id to answer with (the job itself is created under its own id).</summary>
        public static EmulatorFault AnswerJobId(string jobId) => new EmulatorFault("jobid") { Message = jobId, ProcessFirst = true };

        /// <summary>For a query: answer success with this numeric job status and, when given, this error text.</summary>
        public static EmulatorFault AnswerStatus(int status, string? error = null) => new EmulatorFault("job-status") { StatusCode = status, Message = error };

        /// <summary>For a query: the job succeeded, with this as its only output URL.</summary>
        public static EmulatorFault AnswerOutputUrl(string url) => new EmulatorFault("output-url") { Message = url };

        /// <summary>For a query: the job failed, and its error echoes the request's Authorization header, as a careless server might.</summary>
        public static EmulatorFault EchoAuthorization() => new EmulatorFault("echo-auth");

        /// <summary>For a download: redirect (302) to this location.</summary>
        public static EmulatorFault Redirect(string location) => new EmulatorFault("redirect") { Message = location };

        /// <summary>For a download: answer 200 with an empty body.</summary>
        public static EmulatorFault EmptyBody() => new EmulatorFault("empty");

        /// <summary>For a download: send the body one byte per <paramref name="everyByte"/>, without announcing its length.</summary>
        public static EmulatorFault Trickle(TimeSpan everyByte) => new EmulatorFault("trickle") { Delay = everyByte };

        /// <summary>For a download: a body that never ends (about 6 MB/s), until the client hangs up.</summary>
        public static EmulatorFault EndlessBody() => new EmulatorFault("endless");

        public override string ToString() => Kind + (StatusCode != 0 ? " " + StatusCode : string.Empty);
    }
}
