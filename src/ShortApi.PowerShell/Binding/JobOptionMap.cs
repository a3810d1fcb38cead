using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.PowerShell.Binding
{
    /// <summary>
    /// The one table of cmdlet parameters that stand for a model option, with the name each has in
    /// the request's <c>args</c>. It builds the request and drives tab completion, so the two can
    /// never disagree; a new option is a property on the cmdlet and a row here.
    /// </summary>
    internal static class JobOptionMap
    {
        public static readonly IReadOnlyList<(string Parameter, string WireName)> Options = new[]
        {
            ("AspectRatio", "aspect_ratio"),
            ("Resolution", "resolution"),
            ("Duration", "duration"),
            ("Mode", "mode"),
            ("Action", "action"),
            ("GenerateAudio", "generate_audio"),
            ("MultiShot", "multi_shot"),
        };

        /// <summary>The other job parameters whose wire names can appear in a message.</summary>
        private static readonly IReadOnlyList<(string Parameter, string WireName)> Inputs = new[]
        {
            ("Prompt", "prompt"),
            ("Image", "image"),
            ("Images", "images"),
            ("Element", "elements"),
            ("CallbackUrl", "callback_url"),
        };

        /// <summary>The wire name of a cmdlet parameter; null when it is not a model option.</summary>
        public static string? WireName(string parameter) =>
            Options.FirstOrDefault(o => string.Equals(o.Parameter, parameter, StringComparison.OrdinalIgnoreCase)).WireName;

        /// <summary>The cmdlet parameter for a wire name (so messages use the name the user typed); null when none has it.</summary>
        public static string? Parameter(string wireName) =>
            Options.Concat(Inputs).FirstOrDefault(o => string.Equals(o.WireName, wireName, StringComparison.OrdinalIgnoreCase)).Parameter;
    }
}
