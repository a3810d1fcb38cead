using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Catalog;
using ShortApi.TestSupport;
using ShortApi.Validation;

namespace ShortApi.Emulator.Tests.Agreement
{
    /// <summary>
    /// Every case of a model with the client's verdict on it, judged once and shared by the
    /// agreement tests (kling-o1 alone has some ten thousand cases). Owns the local image the
    /// cases send.
    /// </summary>
    public sealed class JudgedCases : IDisposable
    {
        private static readonly ArgumentValidator Client = new ArgumentValidator(ModelCatalog.BuiltIn);

        private readonly TempDirectory _temp = new TempDirectory();
        private readonly string _localImage;
        private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<(ArgumentCase Case, ClientVerdict Verdict)>>>> _byModel =
            new ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<(ArgumentCase Case, ClientVerdict Verdict)>>>>(StringComparer.Ordinal);

        public JudgedCases()
        {
            _localImage = TestImages.WriteFile(_temp.Path, "still.png", TestImages.Png(400, 300));
        }

        internal Task<IReadOnlyList<(ArgumentCase Case, ClientVerdict Verdict)>> ForAsync(string model) =>
            _byModel.GetOrAdd(model, m => new Lazy<Task<IReadOnlyList<(ArgumentCase Case, ClientVerdict Verdict)>>>(() => JudgeAllAsync(m))).Value;

        public void Dispose() => _temp.Dispose();

        private async Task<IReadOnlyList<(ArgumentCase Case, ClientVerdict Verdict)>> JudgeAllAsync(string model)
        {
            var judged = new List<(ArgumentCase, ClientVerdict)>();
            foreach (var c in ArgumentCases.For(model, _localImage))
            {
                judged.Add((c, await ClientVerdict.JudgeAsync(Client, c)));
            }

            return judged;
        }
    }
}
