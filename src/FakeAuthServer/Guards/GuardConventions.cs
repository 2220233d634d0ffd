using FakeAuthServer.Auth.Tokens.OAuth;

namespace FakeAuthServer.Guards;

/// <summary>
/// The fake's logins in front of routes of your own (<c>FakeAuthServerFactory.WithRoutes</c>), the same checks its
/// stubs get (<c>FakeAuth:Stubs:Guards</c>):
/// <code>
/// endpoints.MapGet("/account/orders", (AuthenticatedCaller caller) =&gt; new { caller.User }).RequireSession();
/// endpoints.MapGet("/v1/invoices", () =&gt; …).RequireBearer(scope: "invoices.read");
/// </code>
/// </summary>
public static class GuardConventions
{
    /// <summary>A live <c>user_id</c> session (lifetime and idle expiry on the server clock); else /protected's 401.</summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new GuardFilter(GuardRule.Session));

    /// <summary>
    /// A live access token (as /api/me takes it), carrying every space-separated scope in <paramref name="scope"/>
    /// when given; else an RFC 6750 challenge: 401 <c>invalid_token</c>, or 403 <c>insufficient_scope</c>.
    /// </summary>
    public static TBuilder RequireBearer<TBuilder>(this TBuilder builder, string? scope = null) where TBuilder : IEndpointConventionBuilder
    {
        var scopes = Scopes.Parse(scope)
                     ?? throw new ArgumentException($"'{scope}' is not a space-separated list of OAuth scopes.", nameof(scope));
        return builder.AddEndpointFilter(new GuardFilter(GuardRule.Bearer(scopes)));
    }
}
