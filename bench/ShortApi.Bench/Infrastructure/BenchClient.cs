using System;
using ShortApi.Bench.Emulation;
using ShortApi.Catalog;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Timing;
using ShortApi.Transport;

namespace ShortApi.Bench.Infrastructure
{
    /// <summary>Clients pointed at an emulator, with the module's defaults except what a run sets on purpose.</summary>
    internal static class BenchClient
    {
        /// <summary>A model that takes a local file as base64, with no pixel limits (so 64x64 stills are valid).</summary>
        public const string Model = "vidu-q3";

        public const string ModelId = "vidu/vidu-q3/image-to-video";

        public const string Prompt = "a slow pan across the scene";

        public static ShortApiClient Create(Uri endpoint, ClientPace? pace = null, IClock? clock = null, ModelCatalog? catalog = null)
        {
            var options = new ShortApiClientOptions
            {
                Endpoint = endpoint.AbsoluteUri,
                ApiKey = ApiKey.FromPlainText(EmulatorSettings.ApiKey),
                RandomSeed = 42,
                MaxQueriesPerSecond = pace?.MaxQueriesPerSecond,
            };

            if (clock != null)
            {
                options.Clock = clock;
            }

            if (catalog != null)
            {
                options.Catalog = catalog;
            }

            return new ShortApiClient(options);
        }

        /// <summary>What the cmdlet does per input: validate and price it, reading only the image's header.</summary>
        public static PreparedJob Prepare(ShortApiClient client, string imagePath) =>
            client.Prepare(new JobRequest(Model) { Prompt = Prompt, Image = ImageInput.FromFile(imagePath) });
    }
}
