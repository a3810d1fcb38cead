using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ShortApi.Errors;
using ShortApi.Images;

namespace ShortApi.PowerShell.Binding
{
    /// <summary>
    /// Turns what was given for -Image into images: a URL as is; a path resolved against the
    /// user's PowerShell location (a provider path such as a PSPath from Get-ChildItem too). A
    /// path that exists is taken literally, so "shot[1].png" means that file; otherwise wildcards
    /// expand. Only the FileSystem provider can hold images.
    /// </summary>
    internal sealed class ImagePathResolver
    {
        private readonly SessionState _session;

        public ImagePathResolver(SessionState session)
        {
            _session = session;
        }

        public IReadOnlyList<ImageInput> Resolve(string value)
        {
            if (ImageInput.TryParseUrl(value, out _))
            {
                return new[] { ImageInput.FromUrl(value) };
            }

            string literal;
            ProviderInfo provider;
            try
            {
                literal = _session.Path.GetUnresolvedProviderPathFromPSPath(value, out provider, out _);
            }
            catch (ItemNotFoundException ex)
            {
                throw NotFound(value, ex);
            }
            catch (System.Management.Automation.DriveNotFoundException ex)
            {
                throw NotFound(value, ex);
            }

            if (provider.Name != "FileSystem")
            {
                throw new ShortApiException(ShortApiErrorReason.ImageNotFound, $"'{value}' is not a file-system path or an http(s) URL.") { Target = value };
            }

            if (File.Exists(literal))
            {
                return new[] { ImageInput.FromFile(literal) };
            }

            if (Directory.Exists(literal))
            {
                throw new ShortApiException(
                    ShortApiErrorReason.InvalidArgument,
                    $"'{value}' is a folder, not an image. Pass the images in it: Get-ChildItem '{value}' -File | New-ShortApiVideoJob ..., or a wildcard such as '{System.IO.Path.Combine(value, "*.png")}'.")
                { Target = value };
            }

            if (!WildcardPattern.ContainsWildcardCharacters(value))
            {
                throw NotFound(value, null);
            }

            var images = new List<ImageInput>();
            try
            {
                foreach (string path in _session.Path.GetResolvedProviderPathFromPSPath(value, out _))
                {
                    if (File.Exists(path))
                    {
                        images.Add(ImageInput.FromFile(path));
                    }
                }
            }
            catch (ItemNotFoundException ex)
            {
                throw NotFound(value, ex);
            }

            if (images.Count == 0)
            {
                throw NotFound(value, null);
            }

            return images;
        }

        private static ShortApiException NotFound(string value, System.Exception? inner) =>
            new ShortApiException(ShortApiErrorReason.ImageNotFound, $"No image file matches '{value}'.", inner) { Target = value };
    }
}
