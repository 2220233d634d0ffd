namespace ScenarioRunner.Model;

public enum CaptureSource { Json, Header, Cookie, Regex }

/// <summary>Stores one value of the response as <c>{{Variable}}</c> for later steps.</summary>
public sealed record CaptureSpec(string Variable, CaptureSource Source, string Expression);
