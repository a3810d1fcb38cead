using System;
using System.Linq;
using ShortApi.Errors;
using ShortApi.Validation;

namespace ShortApi.PowerShell.Binding
{
    /// <summary>
    /// Says a validation problem in the terms the user typed: "-Duration '99'" rather than the
    /// wire name "duration". Names the client knows only on the wire (an -Arguments key) stay as they are.
    /// </summary>
    internal static class UserTerms
    {
        /// <summary>The error's text for the console: each problem of a refused job, with parameters named as the cmdlet names them.</summary>
        public static string Describe(ShortApiException error)
        {
            if (!(error is ArgumentValidationException invalid))
            {
                return error.Message;
            }

            var lines = invalid.Issues.Where(i => i.Severity == IssueSeverity.Error).Select(Describe).ToList();
            return lines.Count == 0 ? error.Message : string.Join(Environment.NewLine, lines);
        }

        public static string Describe(ValidationIssue issue)
        {
            int cut = issue.Parameter.IndexOfAny(new[] { '[', '.' });
            string head = cut < 0 ? issue.Parameter : issue.Parameter.Substring(0, cut);
            string? parameter = JobOptionMap.Parameter(head);
            string name = parameter == null ? issue.Parameter : "-" + parameter + (cut < 0 ? string.Empty : issue.Parameter.Substring(cut));
            var renamed = new ValidationIssue(issue.Model, name, issue.Value, issue.Problem, issue.Allowed, issue.Severity, issue.Reason);
            return renamed.Message;
        }
    }
}
