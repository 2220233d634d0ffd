namespace ScenarioRunner.Model;

public enum CaptureSource { Json, Header, Cookie, Regex, Jwt }

/// <summary>
/// Stores one value of the response as <c>{{Variable}}</c> for later steps. <see cref="Pattern"/> narrows a json,
/// header or cookie value to its regex match (group 1 when there is one), e.g. the code in a Location header. A
/// <see cref="CaptureSource.Jwt"/> capture reads the JWT at the json path <see cref="Expression"/> and takes its
/// <see cref="Claim"/>.
/// </summary>
public sealed record CaptureSpec(string Variable, CaptureSource Source, string Expression, string? Pattern = null)
{
    /// <summary>For a jwt capture: the claim (a dotted path into the token's payload).</summary>
    public string? Claim { get; init; }
}
