namespace ScenarioRunner.Model;

/// <summary>One request, as requests' <c>session.request(method, url, …)</c> would take it.</summary>
public sealed record RequestSpec
{
    public string Method { get; init; } = "GET";
    public required string Url { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KeyValuePair<string, string>> Params { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>>? Form { get; init; }

    /// <summary>A JSON body, already serialised from the YAML node.</summary>
    public string? Json { get; init; }

    /// <summary>Cookies for this request only; they never enter the jar.</summary>
    public IReadOnlyDictionary<string, string> Cookies { get; init; } = new Dictionary<string, string>();
    public AuthSpec? Auth { get; init; }
    public bool FollowRedirects { get; init; } = true;
    public string Session { get; init; } = SessionSettings.DefaultName;

    /// <summary>Sent from a throwaway session (requests.get): nothing is kept afterwards.</summary>
    public bool OneOff { get; init; }
    public RetrySpec? Retry { get; init; }

    public string Describe() => $"{Method} {Url}";
}
