using ShortApi.HelpBuilder.Markdown;
using ShortApi.HelpBuilder.Metadata;

namespace ShortApi.HelpBuilder
{
    /// <summary>A cmdlet's help: the facts from its compiled metadata and the prose from its markdown.</summary>
    public sealed record CommandHelp(CmdletMetadata Metadata, CommandHelpDocument Document);
}
