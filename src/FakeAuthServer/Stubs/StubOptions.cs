namespace FakeAuthServer.Stubs;

/// <summary>
/// FakeAuth:Stubs — WireMock.Net answers whatever no fake route does, behind the fake's logins.
/// <c>Mappings</c> is a folder of WireMock static mapping files (the standalone server's <c>--stubs DIR</c>);
/// <c>Guards</c> maps a path prefix to what it needs: <c>session</c>, <c>bearer</c>, <c>bearer:SCOPE …</c> or <c>open</c>
/// (<c>FakeAuth:Stubs:Guards:/account=session</c>). The longest matching prefix decides; paths under no prefix are open.
/// </summary>
public sealed class StubOptions
{
    public const string Section = "FakeAuth:Stubs";

    public string? Mappings { get; set; }

    public Dictionary<string, string> Guards { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
