namespace ScenarioRunner.Model;

/// <summary>FakeAuthServer options for an in-process run; a remote target is taken as it is.</summary>
public sealed record ServerSettings
{
    /// <summary>Users added to the demo ones.</summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();
    public TimeSpan? SessionLifetime { get; init; }
    public double? FlakyFailureRate { get; init; }
    public int? FlakySeed { get; init; }

    public bool IsDefault => Users.Count == 0 && SessionLifetime is null && FlakyFailureRate is null && FlakySeed is null;
}
