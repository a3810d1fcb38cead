namespace ShortApi.Catalog
{
    /// <summary>
    /// The model a job names: its full id as sent on the wire, and its catalog entry, or null for a
    /// full id the catalog does not know, which passes through untouched so new models work before
    /// the catalog learns them.
    /// </summary>
    public sealed record ModelReference(string Id, ModelDefinition? Definition)
    {
        public bool IsCataloged => Definition != null;

        public string DisplayName => Definition?.DisplayName ?? Id;

        public override string ToString() => DisplayName;
    }
}
