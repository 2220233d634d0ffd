using FakeAuthServer.Guards;

namespace FakeAuthServer.Stubs;

/// <summary>
/// What the stub learns of the caller a guard let through, so a mapping can match on it
/// (<c>"Headers": [{ "Name": "X-FakeAuth-User", "Matchers": [{ "Name": "ExactMatcher", "Pattern": "alice" }] }]</c>).
/// Only the fake sets them: a client's own X-FakeAuth-* headers never reach the stub.
/// </summary>
internal static class CallerHeaders
{
    public const string Prefix = "X-FakeAuth-";
    public const string User = "X-FakeAuth-User";
    public const string Client = "X-FakeAuth-Client";
    public const string Scope = "X-FakeAuth-Scope";

    public static void Replace(HttpRequestMessage request, AuthenticatedCaller? caller)
    {
        foreach (var name in request.Headers.Select(h => h.Key).Where(IsOurs).ToList()) request.Headers.Remove(name);
        if (request.Content is not null)
            foreach (var name in request.Content.Headers.Select(h => h.Key).Where(IsOurs).ToList()) request.Content.Headers.Remove(name);

        if (caller is null) return;
        if (caller.User is not null) request.Headers.TryAddWithoutValidation(User, caller.User);
        if (caller.ClientId is not null) request.Headers.TryAddWithoutValidation(Client, caller.ClientId);
        if (caller.Scopes.Count > 0) request.Headers.TryAddWithoutValidation(Scope, string.Join(' ', caller.Scopes));
    }

    private static bool IsOurs(string name) => name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
