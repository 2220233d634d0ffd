using ScenarioRunner.Model;

namespace ScenarioRunner.Running;

/// <summary>What every step of one run shares.</summary>
internal sealed record StepContext(Scenario Scenario, ITarget Target, ScenarioSessions Sessions, Variables Variables, string WorkDirectory);
