using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ShortApi.Emulator.Pages;
using Xunit;

namespace ShortApi.Emulator.Tests.Agreement
{
    /// <summary>
    /// The client's checks (catalog and rules) and the emulator's (its own table of the pages) are
    /// written apart; here they judge the same creates, every combination of each model's values.
    /// Whatever the client sends, the emulator takes; whatever the client refuses, sent raw, the
    /// emulator refuses, and for a page rule where the client's reason was a rule. A disagreement
    /// is a slip on one side, and the pages decide which. The bodies go to the emulator's create
    /// judge directly: the same code its create handler runs, without thousands of HTTP round trips.
    /// </summary>
    public sealed class ClientEmulatorAgreementTests : IClassFixture<JudgedCases>
    {
        private readonly JudgedCases _judged;

        public ClientEmulatorAgreementTests(JudgedCases judged)
        {
            _judged = judged;
        }

        public static TheoryData<string> AllModels => new TheoryData<string>
        {
            ArgumentCases.Poppy, ArgumentCases.Happyhorse, ArgumentCases.Pixverse, ArgumentCases.Kling, ArgumentCases.Vidu,
        };

        /// <summary>The models whose pages state cross-field rules.</summary>
        public static TheoryData<string> ModelsWithRules => new TheoryData<string> { ArgumentCases.Pixverse, ArgumentCases.Kling };

        [Theory]
        [MemberData(nameof(AllModels))]
        public async Task The_emulator_accepts_every_create_the_client_sends(string model)
        {
            await AssertAgreementAsync(model, (c, v) => v.Accepted, (c, verdict) =>
            {
                var emulator = Emulator(verdict.SentBody!);
                return emulator.Accepted ? null : $"{c}: the client sends {Shorten(verdict.SentBody!)}; the emulator refuses: {emulator.Refusal}";
            });
        }

        [Theory]
        [MemberData(nameof(AllModels))]
        public async Task A_create_the_client_refuses_for_a_value_is_refused_by_the_emulator_when_sent_raw(string model)
        {
            await AssertAgreementAsync(model, (c, v) => v.ValueErrors.Count > 0, (c, verdict) =>
                Emulator(c.ToRawBody()).Accepted ? $"{c}: the client refuses ({verdict.Errors}); the emulator accepts" : null);
        }

        [Theory]
        [MemberData(nameof(ModelsWithRules))]
        public async Task A_create_the_client_refuses_for_a_page_rule_is_refused_by_the_emulator_for_a_page_rule_when_sent_raw(string model)
        {
            await AssertAgreementAsync(model, (c, v) => v.ValueErrors.Count == 0 && v.RuleErrors.Count > 0 && !v.OnlyFrameImagesGuard, (c, verdict) =>
            {
                var emulator = Emulator(c.ToRawBody());
                return !emulator.Accepted && emulator.Refusal!.Contains(PageChecker.RulePrefix)
                    ? null
                    : $"{c}: the client refuses ({verdict.Errors}); the emulator {(emulator.Accepted ? "accepts" : "refuses: " + emulator.Refusal)}";
            });
        }

        /// <summary>
        /// The one place the two differ on purpose: the client refuses a third image for kling-o1's
        /// frame, which would be paid for and ignored; the page says only the first two "take
        /// effect", so the service (and the emulator) takes the create.
        /// </summary>
        [Fact]
        public async Task Kling_frame_with_more_than_two_images_is_refused_only_by_the_client_as_the_page_ignores_the_rest()
        {
            // Only cases that give mode and action: the client fills in those two (required, with
            // defaults), so without them the raw body would not be what the client judged.
            await AssertAgreementAsync(ArgumentCases.Kling, (c, v) => v.OnlyFrameImagesGuard && c.Gives("mode") && c.Gives("action"), (c, verdict) =>
            {
                var emulator = Emulator(c.ToRawBody());
                return emulator.Accepted ? null : $"{c}: the emulator refuses: {emulator.Refusal}";
            });
        }

        private static CreateVerdict Emulator(string body)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            return CreateJudge.Judge(bytes, bytes.Length, acceptUnknownModels: false);
        }

        /// <summary>Runs <paramref name="check"/> on every case of <paramref name="model"/> that <paramref name="select"/> picks by the case and the client's verdict; fails listing the disagreements.</summary>
        private async Task AssertAgreementAsync(string model, Func<ArgumentCase, ClientVerdict, bool> select, Func<ArgumentCase, ClientVerdict, string?> check)
        {
            var cases = await _judged.ForAsync(model);
            var disagreements = new List<string>();
            int selected = 0;
            foreach (var (c, verdict) in cases)
            {
                if (!select(c, verdict))
                {
                    continue;
                }

                selected++;
                string? disagreement = check(c, verdict);
                if (disagreement != null)
                {
                    disagreements.Add(disagreement);
                }
            }

            Assert.True(selected > 0, $"none of the {cases.Count} cases of {model} is of the kind this test is about");
            Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {selected} creates for {model} disagree, e.g.:\n" + string.Join("\n", disagreements.Take(15)));
        }

        private static string Shorten(string text) => text.Length > 300 ? text.Substring(0, 300) + "..." : text;
    }
}
