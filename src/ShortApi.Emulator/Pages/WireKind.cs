namespace ShortApi.Emulator.Pages
{
    /// <summary>The shapes the model pages give their parameters, as JSON on the wire.</summary>
    internal enum WireKind
    {
        /// <summary>A JSON string of any text (a prompt; long ones stay in the buffer).</summary>
        Text,

        /// <summary>A JSON string spelled exactly as one of the page's options.</summary>
        Choice,

        /// <summary>A JSON string holding a whole number in the page's range (kling and vidu duration).</summary>
        WholeNumberText,

        /// <summary>A JSON integer in the page's range (happyhorse duration).</summary>
        Integer,

        /// <summary>JSON true or false.</summary>
        Flag,

        /// <summary>An http(s) URL, or raw base64 of an image with no data: prefix.</summary>
        Image,

        /// <summary>An http(s) URL only.</summary>
        ImageUrl,

        /// <summary>A JSON array of one kind of item.</summary>
        List,

        /// <summary>A JSON object with the page's members and no others.</summary>
        Object,
    }
}
