namespace ScenarioRunner.Running;

public sealed record RunSettings
{
    /// <summary>Where saveCookies writes; a fresh temporary directory per scenario when null.</summary>
    public string? WorkDirectory { get; init; }
}
