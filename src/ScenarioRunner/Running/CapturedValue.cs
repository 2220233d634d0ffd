namespace ScenarioRunner.Running;

/// <summary>A value a step captured: its variable, the value and where it came from (a json path, header or cookie name).</summary>
internal sealed record CapturedValue(string Name, string Value, string From);
