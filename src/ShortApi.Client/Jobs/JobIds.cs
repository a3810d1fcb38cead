using System.Linq;

namespace ShortApi.Jobs
{
    /// <summary>What a job id may look like. One that does not is a protocol error, never echoed whole.</summary>
    public static class JobIds
    {
        /// <summary>Longer ids are refused: no real id comes near it, and one would flood every message that names it.</summary>
        public const int MaxLength = 256;

        public static bool IsPlausible(string? id) =>
            !string.IsNullOrWhiteSpace(id) && id!.Length <= MaxLength && !id.Any(char.IsControl) && id.Trim() == id;

        /// <summary>The id as it may be shown in a message: cut short when it is not plausible.</summary>
        public static string Shown(string id)
        {
            string safe = new string(id.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
            return id.Length <= 40 ? safe : safe.Substring(0, 37) + "...";
        }
    }
}
