using System.Net;
using System.Net.Http.Json;

namespace ScenarioRunner.Running;

/// <summary>Calls FakeAuthServer's /_admin API on a remote target (it answers 404 everywhere unless started with --admin).</summary>
internal sealed class AdminClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public async Task<HttpStatusCode> PostAsync(string path, object? json, CancellationToken cancellationToken)
    {
        using var response = json is null
            ? await _http.PostAsync(path, null, cancellationToken)
            : await _http.PostAsJsonAsync(path, json, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>A call the scenario depends on: anything but success is a <see cref="StepFailure"/>.</summary>
    public async Task EnsureAsync(string path, object json, CancellationToken cancellationToken)
    {
        var status = await PostAsync(path, json, cancellationToken);
        if ((int)status is < 200 or > 299) throw new StepFailure($"POST {path} answered {(int)status}");
    }

    public void Dispose() => _http.Dispose();
}
