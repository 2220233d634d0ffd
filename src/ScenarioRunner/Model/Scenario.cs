namespace ScenarioRunner.Model;

/// <summary>One YAML file: a named flow of steps over one or more sessions.</summary>
public sealed record Scenario
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";

    /// <summary>The file it came from; relative cookie files are looked up next to it.</summary>
    public string SourcePath { get; init; } = "";

    public ServerSettings Server { get; init; } = new();

    /// <summary>Why the scenario can only run in-process (e.g. it needs a host name only TestServer answers), or null.</summary>
    public string? InProcessOnly { get; init; }

    /// <summary>Named sessions; a scenario that names none gets one called "default".</summary>
    public IReadOnlyDictionary<string, SessionSettings> Sessions { get; init; } =
        new Dictionary<string, SessionSettings> { [SessionSettings.DefaultName] = new() };

    public required IReadOnlyList<Step> Steps { get; init; }
}
