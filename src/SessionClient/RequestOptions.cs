namespace SessionClient;

/// <summary>
/// Per-request settings, merged over the session's for this one request and never stored in it
/// (requests' keyword arguments to <c>session.get(…)</c>).
/// </summary>
public sealed class RequestOptions
{
    /// <summary>Headers for this request; they win over the session's headers of the same name.</summary>
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Query parameters appended after the session's.</summary>
    public List<KeyValuePair<string, string>> Params { get; init; } = [];

    /// <summary>Cookies sent with this request only (to its first origin), over the jar's of the same name.</summary>
    public Dictionary<string, string> Cookies { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Replaces the session's authenticator for this request.</summary>
    public IAuthenticator? Auth { get; init; }

    /// <summary>False to get a 3xx back as it is instead of following it.</summary>
    public bool AllowRedirects { get; init; } = true;

    /// <summary>
    /// True to get the response as soon as its headers arrive and read the body yourself (outside the timeout);
    /// by default the body is read before the call returns, as HttpClient does.
    /// </summary>
    public bool Stream { get; init; }

    /// <summary>Replaces the session's <see cref="HttpSession.MaxResponseBodyBytes"/> for this request.</summary>
    public long? MaxResponseBodyBytes
    {
        get => _maxResponseBodyBytes;
        init => _maxResponseBodyBytes = value is { } limit ? HttpSession.ValidBodyLimit(limit, nameof(MaxResponseBodyBytes)) : null;
    }

    private readonly long? _maxResponseBodyBytes;

    /// <summary>Replaces the session's timeout for this request.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Retries and an attempt timeout for this request alone, used instead of whatever the session mounted for its
    /// URL (also on each redirect hop).
    /// </summary>
    public TransportSettings? Transport { get; init; }
}
