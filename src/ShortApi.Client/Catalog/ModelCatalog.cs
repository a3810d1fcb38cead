using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using ShortApi.Errors;

namespace ShortApi.Catalog
{
    /// <summary>
    /// The models the client knows, by short name and full id: the built-in ones from the model
    /// pages, optionally added to or overridden by the user's own catalog files.
    /// </summary>
    public sealed class ModelCatalog
    {
        private const string BuiltInResource = "ShortApi.Catalog.models.json";

        private static readonly Lazy<ModelCatalog> BuiltInCatalog = new Lazy<ModelCatalog>(LoadBuiltIn);

        public ModelCatalog(IEnumerable<ModelDefinition> models, ImageLimits? imageLimits = null)
        {
            Models = (models ?? throw new ArgumentNullException(nameof(models))).ToList();
            ImageLimits = imageLimits ?? ImageLimits.FormatOnly;
        }

        /// <summary>What any local image must be for any model, including models the catalog does not know.</summary>
        public ImageLimits ImageLimits { get; }

        /// <summary>The five models of the ShortAPI pages.</summary>
        public static ModelCatalog BuiltIn => BuiltInCatalog.Value;

        public IReadOnlyList<ModelDefinition> Models { get; }

        /// <summary>The built-in catalog with each file's models added; a model with the same id or short name replaces the earlier one.</summary>
        public static ModelCatalog Load(IEnumerable<string>? overrideFiles)
        {
            var catalog = BuiltIn;
            foreach (var file in overrideFiles ?? Array.Empty<string>())
            {
                catalog = catalog.With(CatalogReader.ReadFile(file, BuiltIn.ImageLimits));
            }

            return catalog;
        }

        /// <summary>This catalog with <paramref name="models"/> added, each replacing any model of the same id or short name.</summary>
        public ModelCatalog With(IEnumerable<ModelDefinition> models)
        {
            var result = Models.ToList();
            foreach (var model in models)
            {
                result.RemoveAll(m => SameModel(m, model));
                result.Add(model);
            }

            return new ModelCatalog(result, ImageLimits);
        }

        /// <summary>The model with this short name or full id (any case), or null.</summary>
        public ModelDefinition? Find(string nameOrId)
        {
            if (string.IsNullOrWhiteSpace(nameOrId))
            {
                return null;
            }

            string key = nameOrId.Trim();
            return Models.FirstOrDefault(m => string.Equals(m.Id, key, StringComparison.OrdinalIgnoreCase))
                ?? Models.FirstOrDefault(m => m.ShortName != null && string.Equals(m.ShortName, key, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// The model a user named. A full id (owner/name/task) the catalog lacks passes through; a
        /// short name it lacks is an error that lists the known ones, since it is most likely a typo.
        /// </summary>
        public ModelReference Resolve(string nameOrId)
        {
            var model = Find(nameOrId);
            if (model != null)
            {
                return new ModelReference(model.Id, model);
            }

            string key = (nameOrId ?? string.Empty).Trim();
            if (key.Contains("/"))
            {
                return new ModelReference(key, null);
            }

            string known = string.Join(", ", Models.Select(m => m.DisplayName));
            throw new ShortApiException(
                ShortApiErrorReason.UnknownModel,
                $"Unknown model '{key}'. Known models: {known}. To use a model the catalog does not have, pass its full id (such as owner/model/image-to-video).")
            { Target = nameOrId };
        }

        /// <summary>
        /// The values a parameter of a model allows, for tab completion: the options, or each whole
        /// number of a small range, less those the model's rules refuse alongside the arguments
        /// already <paramref name="chosen"/> (wire names; see <see cref="Validation.AcceptedValues"/>).
        /// Without a known model, every model's values, each once. Empty for a free value.
        /// </summary>
        public IReadOnlyList<string> CompletionValues(string? model, string parameter, IEnumerable<KeyValuePair<string, object?>>? chosen = null)
        {
            var definition = model == null ? null : Find(model);
            if (definition != null)
            {
                return Validation.AcceptedValues.Of(definition, parameter, chosen).Select(WireValue.Format).ToList();
            }

            var choices = chosen?.ToList();
            return ValueUnion.Of(Models.Select(m => Validation.AcceptedValues.Of(m, parameter, choices).Select(WireValue.Format)));
        }

        private static bool SameModel(ModelDefinition a, ModelDefinition b) =>
            string.Equals(a.Id, b.Id, StringComparison.OrdinalIgnoreCase) ||
            (a.ShortName != null && b.ShortName != null && string.Equals(a.ShortName, b.ShortName, StringComparison.OrdinalIgnoreCase));

        private static ModelCatalog LoadBuiltIn()
        {
            using Stream stream = typeof(ModelCatalog).GetTypeInfo().Assembly.GetManifestResourceStream(BuiltInResource)
                ?? throw new InvalidOperationException($"The built-in catalog resource {BuiltInResource} is missing from the assembly.");
            var (models, limits) = CatalogReader.ReadDocument(stream, "built-in models.json", null);
            return new ModelCatalog(models, limits);
        }
    }
}
