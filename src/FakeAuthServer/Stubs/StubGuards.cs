namespace FakeAuthServer.Stubs;

/// <summary>
/// Which stubbed paths need a login, in code: <c>g =&gt; g.Session("/account").Bearer("/v1", scope: "invoices.read")</c>;
/// the same rules as <c>FakeAuth:Stubs:Guards</c>. Paths under no prefix are open.
/// </summary>
public sealed class StubGuards(StubOptions options)
{

    /// <summary>Paths under <paramref name="pathPrefix"/> need a live <c>user_id</c> session, as /protected does.</summary>
    public StubGuards Session(string pathPrefix) => Set(pathPrefix, "session");

    /// <summary>Paths under <paramref name="pathPrefix"/> need a live access token with every scope in <paramref name="scope"/>.</summary>
    public StubGuards Bearer(string pathPrefix, string? scope = null) =>
        Set(pathPrefix, string.IsNullOrWhiteSpace(scope) ? "bearer" : $"bearer:{scope}");

    /// <summary>Paths under <paramref name="pathPrefix"/> need nothing, even inside a guarded prefix.</summary>
    public StubGuards Open(string pathPrefix) => Set(pathPrefix, "open");

    private StubGuards Set(string pathPrefix, string rule)
    {
        options.Guards[pathPrefix] = rule;
        return this;
    }
}
