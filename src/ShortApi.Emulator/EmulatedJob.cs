using System;
using System.Threading;

namespace ShortApi.Emulator
{
    /// <summary>A job the emulator holds: when it started, how it will end, and how often it was asked about.</summary>
    public sealed class EmulatedJob
    {
        private int _queries;
        private long _firstQueryTicks;
        private long _firstFinalSeenTicks;

        internal EmulatedJob(string id, string model, DateTimeOffset createdAt, TimeSpan duration, bool willFail, decimal? amount, string? createBody)
        {
            Id = id;
            Model = model;
            CreatedAt = createdAt;
            Duration = duration;
            WillFail = willFail;
            Amount = amount;
            CreateBody = createBody;
        }

        public string Id { get; }

        public string Model { get; }

        public DateTimeOffset CreatedAt { get; }

        public TimeSpan Duration { get; }

        public DateTimeOffset EndsAt => CreatedAt + Duration;

        /// <summary>True for a job chosen to fail (it is refunded).</summary>
        public bool WillFail { get; }

        /// <summary>The amount charged at creation.</summary>
        public decimal? Amount { get; }

        /// <summary>The create body as received, when the emulator records bodies.</summary>
        public string? CreateBody { get; }

        /// <summary>Status queries received for this job.</summary>
        public int Queries => Volatile.Read(ref _queries);

        /// <summary>When the job was first asked about: minus <see cref="CreatedAt"/>, how long the client stayed quiet.</summary>
        public DateTimeOffset? FirstQueriedAt => At(Interlocked.Read(ref _firstQueryTicks));

        /// <summary>When a query first saw the job ended: minus <see cref="EndsAt"/>, the client's detection delay.</summary>
        public DateTimeOffset? FirstSeenEndedAt
        {
            get { return At(Interlocked.Read(ref _firstFinalSeenTicks)); }
        }

        /// <summary>The API status number at <paramref name="now"/>: 0 for the first tenth, 1 until the end, then 2 or 3.</summary>
        public int StatusAt(DateTimeOffset now)
        {
            var elapsed = now - CreatedAt;
            if (elapsed >= Duration)
            {
                return WillFail ? 3 : 2;
            }

            return elapsed.Ticks < Duration.Ticks / 10 ? 0 : 1;
        }

        internal void CountQuery(DateTimeOffset now, bool ended)
        {
            Interlocked.Increment(ref _queries);
            Interlocked.CompareExchange(ref _firstQueryTicks, now.UtcTicks, 0);
            if (ended)
            {
                Interlocked.CompareExchange(ref _firstFinalSeenTicks, now.UtcTicks, 0);
            }
        }

        private static DateTimeOffset? At(long ticks) => ticks == 0 ? (DateTimeOffset?)null : new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
