namespace ScenarioRunner.Model;

/// <summary>The YAML face of SessionClient's RetryPolicy (urllib3's Retry); null fields keep the policy's default.</summary>
public sealed record RetrySpec
{
    public int? Total { get; init; }
    public TimeSpan? BackoffFactor { get; init; }
    public IReadOnlyList<int>? StatusForcelist { get; init; }
    public IReadOnlyList<string>? AllowedMethods { get; init; }
    public bool? RespectRetryAfterHeader { get; init; }
    public bool? RaiseOnStatus { get; init; }
}
