using ShortApi.Emulator.Wire;

namespace ShortApi.Emulator.Pages
{
    /// <summary>Whether the service would take a create: the parsed body and its page, or why not.</summary>
    internal sealed class CreateVerdict
    {
        private CreateVerdict(CreateBody? body, PageModel? page, string? refusal)
        {
            Body = body;
            Page = page;
            Refusal = refusal;
        }

        /// <summary>The parsed body; null when refused.</summary>
        public CreateBody? Body { get; }

        /// <summary>The model's page; null for a refusal, or for an unknown model taken on its shape alone.</summary>
        public PageModel? Page { get; }

        /// <summary>What the 400 answer says; null when the create is taken.</summary>
        public string? Refusal { get; }

        public bool Accepted => Refusal == null;

        public static CreateVerdict Accept(CreateBody body, PageModel? page) => new CreateVerdict(body, page, null);

        public static CreateVerdict Refuse(string reason) => new CreateVerdict(null, null, reason);
    }
}
