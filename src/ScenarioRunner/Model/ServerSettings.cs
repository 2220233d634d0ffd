namespace ScenarioRunner.Model;

/// <summary>FakeAuthServer options for the scenario; a remote target takes <see cref="Users"/> and <see cref="TwoFactor"/> (through its admin API).</summary>
public sealed record ServerSettings
{
    /// <summary>Users added to the demo ones.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();
    public TimeSpan? SessionLifetime { get; init; }
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>User → Base32 TOTP secret: these users need a code after their password.</summary>
    public IReadOnlyDictionary<string, string> TwoFactor { get; init; } = new Dictionary<string, string>();
    public double? FlakyFailureRate { get; init; }
    public int? FlakySeed { get; init; }

    /// <summary>A folder of WireMock static mapping files (absolute; the YAML gives it relative to the scenario file).</summary>
    public string? Stubs { get; init; }

    /// <summary>Path prefix → session, bearer, bearer:SCOPE or open, as FakeAuth:Stubs:Guards.</summary>
    public IReadOnlyDictionary<string, string> StubGuards { get; init; } = new Dictionary<string, string>();

    /// <summary>The settings a running server cannot take over HTTP, by their YAML names.</summary>
    public IEnumerable<string> InProcessOnlySettings()
    {
        if (SessionLifetime is not null) yield return "sessionLifetime";
        if (IdleTimeout is not null) yield return "idleTimeout";
        if (FlakyFailureRate is not null || FlakySeed is not null) yield return "flaky";
    }
}
