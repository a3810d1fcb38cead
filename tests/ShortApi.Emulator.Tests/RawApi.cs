using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace ShortApi.Emulator.Tests
{
    /// <summary>Talks to the emulator with a plain HttpClient, as any client of the documented API would.</summary>
    internal sealed class RawApi : IDisposable
    {
        private readonly HttpClient _http = new HttpClient();
        private readonly Uri _base;

        public RawApi(Uri baseAddress, string? key)
        {
            _base = baseAddress;
            if (key != null)
            {
                _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
        }

        public async Task<(int Status, JsonElement Body)> CreateAsync(string json)
        {
            using var response = await _http.PostAsync(new Uri(_base, "api/v1/job/create"), new StringContent(json, Encoding.UTF8, "application/json"));
            return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        public async Task<(int Status, JsonElement Body)> QueryAsync(string id)
        {
            using var response = await _http.GetAsync(new Uri(_base, "api/v1/job/query?id=" + Uri.EscapeDataString(id)));
            return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }

        public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(url);

        public static string Body(string model, string args) => $"{{\"model\":\"{model}\",\"args\":{args}}}";

        public void Dispose() => _http.Dispose();
    }
}
