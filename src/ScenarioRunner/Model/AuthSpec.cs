namespace ScenarioRunner.Model;

/// <summary>HTTP Basic (User + Password) or a Bearer token.</summary>
public sealed record AuthSpec(string? User, string? Password, string? Bearer);
