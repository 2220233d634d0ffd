namespace ScenarioRunner.Model;

/// <summary>Defaults of one named HttpSession: what requests.Session carries for every request.</summary>
public sealed record SessionSettings
{
    public const string DefaultName = "default";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KeyValuePair<string, string>> Params { get; init; } = [];
    public AuthSpec? Auth { get; init; }
    public RetrySpec? Retry { get; init; }

    /// <summary>Log in again by itself when a response says the session expired.</summary>
    public ReloginSpec? Relogin { get; init; }
}
