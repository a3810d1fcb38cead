using System;
using System.Net;
using ShortApi.Errors;
using ShortApi.Transport;
using Xunit;

namespace ShortApi.Client.Tests.Transport
{
    /// <summary>What a proxy setting accepts, which HTTP clients it gets, and the key rule it must not weaken.</summary>
    public class ProxySettingsTests
    {
        [Theory]
        [InlineData("ftp://proxy.example.com:21")]
        [InlineData("socks5://127.0.0.1:1080")]
        [InlineData("file:///tmp/proxy")]
        public void A_proxy_that_is_not_http_or_https_is_refused(string address)
        {
            var error = Assert.Throws<ShortApiException>(() => new ProxySettings(new Uri(address)));

            Assert.Equal(ShortApiErrorReason.InvalidArgument, error.Reason);
            Assert.Contains("not an http or https URL", error.Message);
        }

        [Fact]
        public void A_relative_proxy_address_is_refused()
        {
            var error = Assert.Throws<ShortApiException>(() => new ProxySettings(new Uri("/proxy", UriKind.Relative)));

            Assert.Equal(ShortApiErrorReason.InvalidArgument, error.Reason);
        }

        [Fact]
        public void A_host_and_port_without_a_scheme_is_refused_as_written()
        {
            var error = Assert.Throws<ShortApiException>(() => new ProxySettings(new Uri("proxy.corp:8080")));

            Assert.Equal(ShortApiErrorReason.InvalidArgument, error.Reason);
            Assert.Contains("'proxy.corp:8080' is not an http or https URL", error.Message);
        }

        [Fact]
        public void A_password_in_the_address_is_refused_without_being_repeated()
        {
            var error = Assert.Throws<ShortApiException>(() => new ProxySettings(new Uri("http://me:s3cret-pw@proxy.example.com:8080")));

            Assert.Equal(ShortApiErrorReason.InvalidArgument, error.Reason);
            Assert.DoesNotContain("s3cret-pw", error.Message);
            Assert.Contains("http://proxy.example.com:8080", error.Message);
        }

        [Fact]
        public void Credentials_and_the_current_users_together_are_refused()
        {
            var error = Assert.Throws<ShortApiException>(() => new ProxySettings(new Uri("http://proxy.example.com:8080"), new NetworkCredential("u", "p"), useDefaultCredentials: true));

            Assert.Equal(ShortApiErrorReason.InvalidArgument, error.Reason);
        }

        [Fact]
        public void The_setting_shows_the_address_and_never_the_password()
        {
            var proxy = new ProxySettings(new Uri("https://proxy.example.com:8443/"), new NetworkCredential("user", "pw-0a1b2c"));

            Assert.Equal("https://proxy.example.com:8443", proxy.ToString());
            Assert.DoesNotContain("pw-0a1b2c", proxy.Identity);
        }

        [Fact]
        public void Equal_settings_share_their_http_clients_and_different_ones_do_not()
        {
            var address = new Uri("http://127.0.0.1:3128");
            var first = new ProxySettings(address, new NetworkCredential("user", "one"));
            var same = new ProxySettings(address, new NetworkCredential("user", "one"));
            var otherPassword = new ProxySettings(address, new NetworkCredential("user", "two"));
            var asCurrentUser = new ProxySettings(address, useDefaultCredentials: true);

            Assert.Same(HttpClientPool.Api(first), HttpClientPool.Api(same));
            Assert.NotSame(HttpClientPool.Api(first), HttpClientPool.Api(otherPassword));
            Assert.NotSame(HttpClientPool.Api(first), HttpClientPool.Api(asCurrentUser));
            Assert.NotSame(HttpClientPool.Api(first), HttpClientPool.Downloads(first));
            Assert.NotSame(HttpClientPool.Api(first), HttpClientPool.Api(null));
            Assert.Same(HttpClientPool.Api(null), HttpClientPool.Api(null));
        }

        [Theory]
        [InlineData("http://proxy.example.com:8080")]
        [InlineData("https://10.0.0.8:8443")]
        public void Plain_http_to_the_emulator_through_a_proxy_elsewhere_is_refused_before_any_request(string proxy)
        {
            var options = new ShortApiClientOptions { Endpoint = "http://127.0.0.1:5000", ApiKey = ApiKey.FromPlainText("k"), Proxy = new ProxySettings(new Uri(proxy)) };

            var error = Assert.Throws<ShortApiException>(() => new ShortApiClient(options));

            Assert.Equal(ShortApiErrorReason.InsecureEndpoint, error.Reason);
            Assert.Contains("not on this machine", error.Message);
        }

        [Theory]
        [InlineData("https://api.example.com", "http://proxy.example.com:8080")]
        [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:3128")]
        [InlineData("http://localhost:5000", "http://[::1]:3128")]
        public void An_https_endpoint_through_any_proxy_or_loopback_through_a_local_one_is_allowed(string endpoint, string proxy)
        {
            var client = new ShortApiClient(new ShortApiClientOptions { Endpoint = endpoint, ApiKey = ApiKey.FromPlainText("k"), Proxy = new ProxySettings(new Uri(proxy)) });

            Assert.NotNull(client);
        }

        [Theory]
        [InlineData("http://127.0.0.1:5000/api")]
        [InlineData("http://localhost:5000/")]
        [InlineData("http://[::1]:5000/")]
        public void The_platform_proxy_never_carries_requests_to_this_machine(string destination)
        {
            var platform = new PlatformProxy(new WebProxy("http://proxy.example.com:8080") { BypassProxyOnLocal = false });

            Assert.True(platform.IsBypassed(new Uri(destination)));
            Assert.Null(platform.AddressFor(new Uri(destination)));
        }

        [Fact]
        public void The_platform_proxy_carries_everything_else_as_the_platform_says()
        {
            var credentials = new NetworkCredential("u", "p");
            var platform = new PlatformProxy(new WebProxy("http://proxy.example.com:8080", false, new[] { @"bypass\.example\.com" }) { Credentials = credentials });

            Assert.False(platform.IsBypassed(new Uri("https://api.example.com/")));
            Assert.Equal(new Uri("http://proxy.example.com:8080/"), platform.AddressFor(new Uri("https://api.example.com/")));
            Assert.True(platform.IsBypassed(new Uri("https://bypass.example.com/")));
            Assert.Same(credentials, platform.Credentials);
            Assert.True(new PlatformProxy(null).IsBypassed(new Uri("https://api.example.com/")));
        }
    }
}
