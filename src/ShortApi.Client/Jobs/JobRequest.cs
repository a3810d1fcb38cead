using System;
using System.Collections.Generic;
using ShortApi.Images;

namespace ShortApi.Jobs
{
    /// <summary>
    /// What a caller asks for: a model, a prompt, an input image and options. Nothing here is
    /// checked yet; <see cref="Validation.ArgumentValidator"/> turns it into a <see cref="PreparedJob"/>.
    /// </summary>
    public sealed class JobRequest
    {
        public JobRequest(string model)
        {
            Model = model ?? throw new ArgumentNullException(nameof(model));
        }

        /// <summary>A short name (vidu-q3) or full id (vidu/vidu-q3/image-to-video).</summary>
        public string Model { get; }

        public string? Prompt { get; set; }

        /// <summary>The job's input image. For a model that takes a list (kling-o1's images) it goes first in the list.</summary>
        public ImageInput? Image { get; set; }

        /// <summary>Documented parameters by wire name (resolution, duration, ...): a name the model lacks is an error.</summary>
        public IDictionary<string, object?> Arguments { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Extra arguments merged into <c>args</c> for options the catalog lacks: known names are
        /// still checked, unknown ones are sent as given (with a warning), a name also set in
        /// <see cref="Arguments"/> is an error.
        /// </summary>
        public IDictionary<string, object?> ExtraArguments { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Sent as the top-level callback_url.</summary>
        public string? CallbackUrl { get; set; }

        /// <summary>What the job is made from, as the user wrote it: the image, else the first of the images.</summary>
        public string Source
        {
            get
            {
                if (Image != null)
                {
                    return Image.Original;
                }

                foreach (var dictionary in new[] { Arguments, ExtraArguments })
                {
                    foreach (var pair in dictionary)
                    {
                        if (pair.Value is ImageInput image)
                        {
                            return image.Original;
                        }

                        if (pair.Value is IEnumerable<ImageInput> images)
                        {
                            foreach (var first in images)
                            {
                                return first.Original;
                            }
                        }
                    }
                }

                return string.Empty;
            }
        }
    }
}
