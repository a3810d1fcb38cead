using System;
using System.Globalization;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>How figures are written in the report.</summary>
    internal static class Units
    {
        public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

        public static string Millis(TimeSpan value) => value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

        /// <summary>Seconds below a minute, else minutes: detection delays span both.</summary>
        public static string Duration(TimeSpan value) =>
            Math.Abs(value.TotalSeconds) < 60 ? Seconds(value) : value.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) + " min";

        public static string MiB(double bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

        public static string KiB(double bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

        public static string Bytes(double bytes) => bytes >= 1024 * 1024 ? MiB(bytes) : KiB(bytes);

        public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " x";

        public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
    }
}
