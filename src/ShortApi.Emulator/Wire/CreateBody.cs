namespace ShortApi.Emulator.Wire
{
    /// <summary>A parsed create request: model, args (values in their JSON types) and callback.</summary>
    internal sealed class CreateBody
    {
        public string? Model { get; set; }

        /// <summary>Null when the body had no args object.</summary>
        public WireObject? Args { get; set; }

        public string? CallbackUrl { get; set; }
    }
}
