using System;
using System.Diagnostics;

namespace ShortApi.Journal
{
    /// <summary>
    /// When a claim on an input still stands. A claim left by a run that is gone (a process of this
    /// machine that no longer runs, or another machine's claim older than <see cref="ClaimTimeout"/>)
    /// is abandoned: free when its create never went out in full, since the service cannot have a
    /// job for it, and of unknown outcome when it did. A claim by a live process of this machine,
    /// this one included, is never abandoned: a thread of it is submitting the input right now.
    /// </summary>
    internal sealed class ClaimPolicy
    {
        private static readonly int ProcessId = GetProcessId();

        /// <summary>This host and process, as claims name them.</summary>
        public static readonly string Claimant = $"{Environment.MachineName}:{ProcessId}";

        /// <summary>How long another machine's claim stands: longer than a create with all its retries can take.</summary>
        public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromHours(1);

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

            return lookup.BodySent ? lookup : lookup.Previous ?? InputLookup.Free;
        }

        /// <summary>
        /// A claim of this machine stands exactly as long as its process runs, however long its
        /// create takes (uploads can be slow, retries long). Another machine's processes cannot be
        /// seen, so its claims stand until <see cref="ClaimTimeout"/> has passed.
        /// </summary>
        private bool IsAbandoned(InputLookup claim, DateTimeOffset now)
        {
            string[] parts = (claim.Claimant ?? string.Empty).Split(':');
            bool thisMachine = parts.Length == 2 && string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase);
            if (!thisMachine || !int.TryParse(parts[1], out int pid))
            {
                return claim.At.HasValue && now - claim.At.Value > ClaimTimeout;
            }

            if (pid == ProcessId)
            {
                return false; // this very process: another thread or runspace is submitting it right now
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
