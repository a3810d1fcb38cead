using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Jobs;
using Xunit;

namespace ShortApi.Client.Tests.Jobs
{
    /// <summary>
    /// A job as serializers read it: its arguments as a dictionary, its output lists printing as
    /// their items, its elapsed time as plain seconds, its status as a name.
    /// </summary>
    public class VideoJobSurfaceTests
    {
        private static readonly DateTimeOffset Submitted = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        private static VideoJob NewJob(JobArguments? arguments = null) =>
            new VideoJob("job_1", "vidu/vidu-q3/image-to-video", "vidu-q3", "/stills/a.png", "a pan", arguments, 0.24m, 0.24m, Submitted, "http://127.0.0.1:1");

        private static JobArguments Arguments() => new JobArguments(new[]
        {
            new KeyValuePair<string, object?>("mode", "turbo"),
            new KeyValuePair<string, object?>("duration", "4"),
            new KeyValuePair<string, object?>("image", "<base64 of /stills/a.png>"),
        });

        [Fact]
        public void The_arguments_read_as_a_dictionary_in_the_order_they_were_sent()
        {
            IDictionary dictionary = Arguments();

            var entries = new List<DictionaryEntry>();
            foreach (DictionaryEntry entry in dictionary)
            {
                entries.Add(entry);
            }

            Assert.Equal(new object[] { "mode", "duration", "image" }, entries.Select(e => e.Key));
            Assert.Equal("turbo", dictionary["MODE"]);
            Assert.Null(dictionary["missing"]);
            Assert.True(dictionary.Contains("duration"));
            Assert.Equal(new object[] { "mode", "duration", "image" }, dictionary.Keys.Cast<object>());
        }

        [Fact]
        public void The_arguments_cannot_be_changed_through_the_dictionary()
        {
            IDictionary dictionary = Arguments();

            Assert.True(dictionary.IsReadOnly);
            Assert.Throws<NotSupportedException>(() => dictionary["mode"] = "pro");
            Assert.Throws<NotSupportedException>(() => dictionary.Add("seed", 1));
            Assert.Throws<NotSupportedException>(() => dictionary.Remove("mode"));
            Assert.Throws<NotSupportedException>(() => dictionary.Clear());
        }

        [Fact]
        public void The_output_lists_print_as_their_items()
        {
            var job = NewJob();
            job.Apply(new JobState("job_1", JobStatus.Succeeded, 2, new[] { "https://cdn.example/a.mp4", "https://cdn.example/b.mp4" }, null, false, Submitted.AddSeconds(5)));
            job.AddOutputFiles(new[] { "/videos/a.mp4" });

            Assert.Equal("https://cdn.example/a.mp4; https://cdn.example/b.mp4", job.OutputUrls.ToString());
            Assert.Equal("/videos/a.mp4", job.OutputFiles.ToString());
            Assert.Equal(string.Empty, NewJob().OutputFiles.ToString());
        }

        [Fact]
        public void Elapsed_time_is_seconds_from_submission_to_completion()
        {
            var job = NewJob();
            job.Apply(new JobState("job_1", JobStatus.Succeeded, 2, Array.Empty<string>(), null, false, Submitted.AddMilliseconds(5250)));

            Assert.Equal(5.25, job.ElapsedSeconds);
        }

        [Fact]
        public void Elapsed_time_is_unknown_without_a_submission_time()
        {
            var job = new VideoJob("job_1", "m", null, "a.png", null, null, null, null, null, "");

            Assert.Null(job.ElapsedSeconds);
        }

        [Fact]
        public void The_status_is_a_64_bit_enum_so_powershell_writes_it_to_json_by_name()
        {
            Assert.Equal(typeof(long), Enum.GetUnderlyingType(typeof(JobStatus)));
        }
    }
}
