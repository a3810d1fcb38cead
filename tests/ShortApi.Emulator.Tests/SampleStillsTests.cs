using System.IO;
using ShortApi.Catalog;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.TestSupport;
using ShortApi.Validation;
using Xunit;

namespace ShortApi.Emulator.Tests
{
    /// <summary>The stills the emulator hands out for trying jobs (Start-ShortApiEmulator -SamplePath).</summary>
    public class SampleStillsTests
    {
        [Fact]
        public void Three_stills_are_built_in()
        {
            Assert.Equal(new[] { "forest.png", "harbor.png", "sunrise.png" }, SampleStills.Names);
        }

        [Fact]
        public void They_are_written_into_a_new_folder_as_images_a_model_accepts()
        {
            using var temp = new TempDirectory();
            string folder = temp.Combine("stills", "samples");

            var paths = SampleStills.WriteTo(folder);

            Assert.Equal(3, paths.Count);
            var validator = new ArgumentValidator(ModelCatalog.BuiltIn);
            foreach (string path in paths)
            {
                var job = validator.Validate(new JobRequest("vidu-q3") { Prompt = "x", Image = ImageInput.FromFile(path) });
                Assert.Equal(path, job.Source);
            }
        }

        [Fact]
        public void A_file_of_the_same_name_already_there_is_kept()
        {
            using var temp = new TempDirectory();
            File.WriteAllText(temp.Combine("forest.png"), "mine");

            SampleStills.WriteTo(temp.Path);

            Assert.Equal("mine", File.ReadAllText(temp.Combine("forest.png")));
            Assert.True(File.Exists(temp.Combine("harbor.png")));
        }
    }
}
