namespace FakeAuthServer.Auth.Tokens;

/// <summary>Bearer-token lifetimes and limits, bound from "FakeAuth:Tokens".</summary>
public sealed class TokenOptions
{
    public const string Section = "FakeAuth:Tokens";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired tokens and codes leave memory (on the injected clock).</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bound on stored tokens and codes; at the bound the soonest to expire are evicted.</summary>
    public int MaxTokens { get; set; } = 100_000;
}
