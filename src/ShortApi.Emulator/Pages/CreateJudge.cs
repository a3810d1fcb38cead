using System;

namespace ShortApi.Emulator.Pages
{
    /// <summary>
    /// Decides whether a create body is one the service would take: a JSON object with a model and
    /// an args object, a model some page documents (or, when allowed, any id shaped like
    /// owner/name, taken on its shape alone) and args as that page documents them. Apart from the
    /// HTTP handling, so tests can put many bodies to it directly.
    /// </summary>
    internal static class CreateJudge
    {
        public static CreateVerdict Judge(byte[] body, int length, bool acceptUnknownModels)
        {
            var parsed = Wire.CreateBodyReader.Read(body, length, out string? problem);
            if (parsed == null || parsed.Model == null || parsed.Args == null)
            {
                return CreateVerdict.Refuse(problem ?? "the body needs \"model\" and an \"args\" object");
            }

            var page = DocumentedModels.Find(parsed.Model);
            if (page == null)
            {
                return acceptUnknownModels && parsed.Model.Contains("/")
                    ? CreateVerdict.Accept(parsed, null)
                    : CreateVerdict.Refuse($"model '{parsed.Model}' does not exist");
            }

            var problems = PageChecker.Check(page, parsed.Args);
            return problems.Count == 0
                ? CreateVerdict.Accept(parsed, page)
                : CreateVerdict.Refuse("invalid args: " + string.Join("; ", problems));
        }
    }
}
