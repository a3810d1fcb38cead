namespace ShortApi.Catalog
{
    /// <summary>The JSON shape a parameter takes on the wire.</summary>
    public enum ParameterType
    {
        /// <summary>A JSON string. Numeric ranges on a string parameter mean an integer written as text.</summary>
        String,
        /// <summary>A JSON number without a fraction.</summary>
        Integer,
        /// <summary>A JSON number.</summary>
        Number,
        /// <summary>A JSON true or false.</summary>
        Boolean,
        /// <summary>An image: an http(s) URL, or a local file sent as raw base64 (no data: prefix).</summary>
        Image,
        /// <summary>An image given only as an http(s) URL; local files are refused.</summary>
        ImageUrl,
        /// <summary>A JSON array whose items follow <see cref="ParameterDefinition.Items"/>.</summary>
        List,
        /// <summary>A JSON object whose members follow <see cref="ParameterDefinition.Properties"/>.</summary>
        Object,
    }
}
