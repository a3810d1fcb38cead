using System.Linq;
using System.Management.Automation;
using Xunit;
using static ShortApi.PowerShell.Tests.Metadata.CmdletMetadata;

namespace ShortApi.PowerShell.Tests.Metadata
{
    /// <summary>
    /// The cmdlets and parameter names scripts depend on (as README and the help pages document them), read from the compiled assembly.
    /// What the cmdlets export, emit and prompt for is checked by driving them in the hosting tests.
    /// </summary>
    public class CmdletContractTests
    {
        [Fact]
        public void Every_verb_is_an_approved_powershell_verb()
        {
            var approved = new[] { typeof(VerbsCommon), typeof(VerbsData), typeof(VerbsLifecycle), typeof(VerbsCommunications), typeof(VerbsDiagnostic), typeof(VerbsSecurity), typeof(VerbsOther) }
                .SelectMany(t => t.GetFields())
                .Select(f => (string)f.GetRawConstantValue()!)
                .ToHashSet();

            Assert.All(CmdletTypes, t => Assert.Contains(CmdletName(t).Split('-')[0], approved));
        }

        [Fact]
        public void Each_cmdlet_class_is_named_for_its_cmdlet()
        {
            Assert.All(CmdletTypes, t => Assert.Equal(CmdletName(t).Replace("-", string.Empty) + "Command", t.Name));
        }

        [Theory]
        [InlineData("New-ShortApiVideoJob", "Model,Prompt,Image,Images,Element,AspectRatio,Resolution,Duration,Mode,Action,GenerateAudio,MultiShot,Arguments,CallbackUrl,ThrottleLimit,JournalPath,MaxCost,ApiKey,Endpoint")]
        [InlineData("Measure-ShortApiVideoJob", "Model,Prompt,Image,Images,Element,AspectRatio,Resolution,Duration,Mode,Action,GenerateAudio,MultiShot,Arguments,CallbackUrl")]
        [InlineData("Get-ShortApiJob", "JobId,JournalPath,ApiKey,Endpoint")]
        [InlineData("Wait-ShortApiJob", "Job,JobId,Timeout,PollInterval,OutputDirectory,JournalPath,ApiKey,Endpoint")]
        [InlineData("Save-ShortApiJobOutput", "Job,Path,Force,ApiKey,Endpoint")]
        [InlineData("Connect-ShortApi", "ApiKey,Endpoint,Proxy,ProxyCredential,ProxyUseDefaultCredentials")]
        public void Each_cmdlet_has_every_designed_parameter(string cmdlet, string names)
        {
            var actual = Parameters(CmdletType(cmdlet)).Select(p => p.Name).ToList();

            Assert.All(names.Split(','), name => Assert.Contains(name, actual));
        }

        [Fact]
        public void Api_keys_are_taken_only_as_secure_strings()
        {
            var keyParameters = CmdletTypes.SelectMany(Parameters).Where(p => p.Name == "ApiKey").ToList();

            Assert.NotEmpty(keyParameters);
            Assert.All(keyParameters, p => Assert.Equal(typeof(System.Security.SecureString), p.PropertyType));
        }

        [Fact]
        public void Every_cmdlet_that_calls_the_api_takes_an_api_key_and_endpoint()
        {
            foreach (var name in new[] { "New-ShortApiVideoJob", "Get-ShortApiJob", "Wait-ShortApiJob", "Save-ShortApiJobOutput" })
            {
                var parameters = Parameters(CmdletType(name)).Select(p => p.Name).ToList();
                Assert.Contains("ApiKey", parameters);
                Assert.Contains("Endpoint", parameters);
            }
        }

        [Fact]
        public void Pricing_sends_nothing_so_it_takes_no_key_or_endpoint()
        {
            var parameters = Parameters(CmdletType("Measure-ShortApiVideoJob")).Select(p => p.Name).ToList();

            Assert.DoesNotContain("ApiKey", parameters);
            Assert.DoesNotContain("Endpoint", parameters);
        }

        [Fact]
        public void Every_cmdlet_declares_an_output_type()
        {
            Assert.All(CmdletTypes, t => Assert.NotNull(Attribute(t, typeof(OutputTypeAttribute))));
        }
    }
}
