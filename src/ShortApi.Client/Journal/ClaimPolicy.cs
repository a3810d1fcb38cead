using System;
using System.Diagnostics;

namespace ShortApi.Journal
{
    /// <summary>
    /// When a claim on an input still stands. A claim whose create never went out in full, left by
    /// a run that is gone (a process of this machine that no longer runs, or any claim older than
    /// <see cref="ClaimTimeout"/>), is abandoned: the service cannot have a job for it, so the
    /// input is free. A claim by this very process is never abandoned: another thread has it.
    /// </summary>
    internal sealed class ClaimPolicy
    {
        private static readonly int ProcessId = GetProcessId();

        /// <summary>This host and process, as claims name them.</summary>
        public static readonly string Claimant = $"{Environment.MachineName}:{ProcessId}";

        public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(15);

        /// <summary>
        /// The input's standing now. A claim by a live run is in progress; one left by a run that is
        /// gone is free if its request never went out in full, and pending (outcome unknown) if it did.
        /// </summary>
        public InputLookup Current(InputLookup lookup, DateTimeOffset now)
        {
            if (lookup.Status != InputStatus.Pending || lookup.ClaimedByCaller)
            {
                return lookup;
            }

            if (!IsAbandoned(lookup, now))
            {
                return new InputLookup(InputStatus.InProgress, null, lookup.At, lookup.Claimant, null, lookup.BodySent);
            }

            return lookup.BodySent ? lookup : InputLookup.Free;
        }

        private bool IsAbandoned(InputLookup claim, DateTimeOffset now)
        {
            if (claim.At.HasValue && now - claim.At.Value > ClaimTimeout)
            {
                return true;
            }

            string[] parts = (claim.Claimant ?? string.Empty).Split(':');
            if (parts.Length != 2 || !string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase) || !int.TryParse(parts[1], out int pid))
            {
                return false; // another machine's claim: only time can tell
            }

            if (pid == ProcessId)
            {
                return false;
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                return process.HasExited;
            }
            catch (ArgumentException)
            {
                return true; // no such process: the claimant is gone
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }

        private static int GetProcessId()
        {
            using var process = Process.GetCurrentProcess();
            return process.Id;
        }
    }
}
