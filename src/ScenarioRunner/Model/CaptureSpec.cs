namespace ScenarioRunner.Model;

public enum CaptureSource { Json, Header, Cookie, Regex }

/// <summary>
/// Stores one value of the response as <c>{{Variable}}</c> for later steps. <see cref="Pattern"/> narrows a json,
/// header or cookie value to its regex match (group 1 when there is one), e.g. the code in a Location header.
/// </summary>
public sealed record CaptureSpec(string Variable, CaptureSource Source, string Expression, string? Pattern = null);
