namespace SessionClient;

/// <summary>
/// When the session should notice that it is logged out, and how it logs in again: a 401, or (with
/// <see cref="LoginPath"/>) a redirect chain that ends on the login page. The request that met it is replayed once,
/// body included; concurrent requests that meet the same expiry share one login.
/// </summary>
public sealed record ReloginPolicy(ILoginFlow Flow)
{
    /// <summary>A response that ends on this path (e.g. "/login") means "logged out".</summary>
    public string? LoginPath { get; init; }

    public bool On401 { get; init; } = true;

    internal bool NeedsLogin(HttpResponseMessage response) =>
        (On401 && response.StatusCode == System.Net.HttpStatusCode.Unauthorized) ||
        (LoginPath is not null && response.RequestMessage?.RequestUri?.AbsolutePath == LoginPath);
}
