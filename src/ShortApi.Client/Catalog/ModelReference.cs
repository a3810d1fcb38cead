namespace ShortApi.Catalog
{
    /// <summary>
    /// The model a job names: a catalog model, or a full id the catalog does not know, which passes
    /// through untouched so new models work before the catalog learns them.
    /// </summary>
    public sealed class ModelReference
    {
        public ModelReference(string id, ModelDefinition? definition)
        {
            Id = id;
            Definition = definition;
        }

        /// <summary>The full id sent on the wire.</summary>
        public string Id { get; }

        /// <summary>The catalog entry; null for a model the catalog does not know.</summary>
        public ModelDefinition? Definition { get; }

        public bool IsCataloged => Definition != null;

        public string DisplayName => Definition?.DisplayName ?? Id;

        public override string ToString() => DisplayName;
    }
}
