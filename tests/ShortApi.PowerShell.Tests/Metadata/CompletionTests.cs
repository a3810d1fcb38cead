using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Catalog;
using ShortApi.Images;
using ShortApi.Jobs;
using ShortApi.Validation;
using System.Management.Automation;
using Xunit;
using static ShortApi.PowerShell.Tests.Metadata.CmdletMetadata;

namespace ShortApi.PowerShell.Tests.Metadata
{
    /// <summary>Completion offers, per model, the catalog's values and only values the catalog accepts.</summary>
    public class CompletionTests
    {
        /// <summary>
        /// The model options that take a value (switches need no completion), from the table that
        /// builds requests. Which completer each parameter has, and what it offers at a prompt, is
        /// checked in the hosting tests.
        /// </summary>
        public static IEnumerable<string> CompletedWireNames() =>
            ShortApi.PowerShell.Binding.JobOptionMap.Options
                .Where(o => Parameter(CmdletType("New-ShortApiVideoJob"), o.Parameter).PropertyType != typeof(SwitchParameter))
                .Select(o => o.WireName);

        [Fact]
        public void No_completion_offers_a_value_its_model_rejects()
        {
            var catalog = ModelCatalog.BuiltIn;
            var validator = new ArgumentValidator(catalog);
            int checkedValues = 0;
            foreach (var model in catalog.Models)
            {
                foreach (var wire in CompletedWireNames())
                {
                    foreach (var value in catalog.CompletionValues(model.Id, wire))
                    {
                        var request = new JobRequest(model.Id) { Prompt = "x", Image = ImageInput.FromUrl("https://img.example/a.png") };
                        request.Arguments[wire] = value;
                        if (model.ShortName == "kling-o1" && wire != "action")
                        {
                            request.Arguments["action"] = "refer"; // frame narrows duration and forbids aspect_ratio: rules, not values
                        }

                        var issues = Issues(validator, request).Where(i => i.Parameter == wire).ToList();
                        Assert.True(issues.Count == 0, $"{model.DisplayName} {wire}={value}: {string.Join("; ", issues.Select(i => i.Message))}");
                        checkedValues++;
                    }
                }
            }

            Assert.True(checkedValues > 30, $"only {checkedValues} values checked");
        }

        [Fact]
        public void Without_a_model_completion_offers_every_model_value_once()
        {
            var values = ModelCatalog.BuiltIn.CompletionValues(null, "resolution");

            Assert.Equal(new[] { "540p", "720p", "1080p" }, values);
        }

        private static IEnumerable<ValidationIssue> Issues(ArgumentValidator validator, JobRequest request)
        {
            try
            {
                validator.Validate(request);
                return Array.Empty<ValidationIssue>();
            }
            catch (ArgumentValidationException ex)
            {
                return ex.Issues;
            }
        }
    }
}
