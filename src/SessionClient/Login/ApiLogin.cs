namespace SessionClient;

/// <summary>A login that posts form fields to one URL and counts any 2xx as success (seed 002's /api/login).</summary>
public sealed class ApiLogin(string url, IReadOnlyDictionary<string, string> fields) : ILoginFlow
{
    public async Task LoginAsync(HttpSession session, CancellationToken cancellationToken)
    {
        using var response = await session.PostFormAsync(url, fields, cancellationToken: cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new LoginFailedException($"Login at {url} answered {(int)response.StatusCode}.", (int)response.StatusCode);
    }
}
