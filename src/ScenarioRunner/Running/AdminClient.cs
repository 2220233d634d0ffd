using System.Net;
using System.Net.Http.Json;

namespace ScenarioRunner.Running;

/// <summary>Calls FakeAuthServer's /_admin API on a remote target (it answers 404 everywhere unless started with --admin).</summary>
internal sealed class AdminClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    /// <summary>GET /_admin/info: the server's clock, where it listens, and the fingerprint of an https certificate it generated.</summary>
    public sealed record ServerInfo(DateTimeOffset Now, IReadOnlyList<string> Addresses, string? GeneratedCertificateSha256)
    {
        /// <summary>Null when the server runs no stubs (started without --stubs).</summary>
        public StubsInfo? Stubs { get; init; }
    }

    /// <summary>The stub guards the target was started with (FakeAuth:Stubs:Guards).</summary>
    public sealed record StubsInfo(Dictionary<string, string> Guards);

    public async Task<HttpStatusCode> PostAsync(string path, object? json, CancellationToken cancellationToken)
    {
        using var response = json is null
            ? await _http.PostAsync(path, null, cancellationToken)
            : await _http.PostAsJsonAsync(path, json, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>A call the scenario depends on: anything but success is a <see cref="StepFailure"/> with the server's answer.</summary>
    public async Task EnsureAsync(string path, object json, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(path, json, cancellationToken);
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new StepFailure($"POST {path} answered {(int)response.StatusCode}: {Checks.Excerpt.Of(body)}");
    }

    /// <summary>The status of a GET, for probing whether the admin API is there (404 when it is off).</summary>
    public async Task<HttpStatusCode> GetStatusAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>Null from a server without /_admin/info (an older build, or the admin API off).</summary>
    public async Task<ServerInfo?> InfoAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("/_admin/info", cancellationToken);
        if (!response.IsSuccessStatusCode) return null;
        try
        {
            return await response.Content.ReadFromJsonAsync<ServerInfo>(System.Text.Json.JsonSerializerOptions.Web, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
