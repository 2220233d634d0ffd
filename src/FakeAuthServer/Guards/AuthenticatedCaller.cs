namespace FakeAuthServer.Guards;

/// <summary>
/// Who a guard let through: the user of a live <c>user_id</c> session, or the user (or OAuth client) an access token
/// was issued to, with its scopes. A handler behind <c>.RequireSession()</c> or <c>.RequireBearer()</c> takes it as a
/// parameter (<c>(AuthenticatedCaller caller) =&gt; …</c>) or reads <c>context.GetAuthenticatedCaller()</c>.
/// </summary>
public sealed class AuthenticatedCaller
{
    private static readonly object ItemKey = new();

    internal AuthenticatedCaller(string? user, string? clientId, IReadOnlyList<string> scopes)
    {
        User = user;
        ClientId = clientId;
        Scopes = scopes;
    }

    /// <summary>The logged-in user; null for a client-credentials token, which has none.</summary>
    public string? User { get; }

    /// <summary>The OAuth client the token was issued to; null for a session or a password login's token.</summary>
    public string? ClientId { get; }

    /// <summary>The token's scopes; empty for a session.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Nobody: what an unguarded route's handler is given.</summary>
    internal static readonly AuthenticatedCaller Anonymous = new(null, null, []);

    /// <summary>
    /// Minimal-API binding. Parameters bind before endpoint filters run, so this gives <see cref="Anonymous"/> and the
    /// guard's filter puts the caller it let through in its place.
    /// </summary>
    public static ValueTask<AuthenticatedCaller?> BindAsync(HttpContext context) => ValueTask.FromResult<AuthenticatedCaller?>(Of(context) ?? Anonymous);

    internal static AuthenticatedCaller? Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var caller) ? caller as AuthenticatedCaller : null;

    internal void StoreOn(HttpContext context) => context.Items[ItemKey] = this;
}
