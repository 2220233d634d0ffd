namespace FakeAuthServer.Guards;

/// <summary>
/// What a request must carry to pass, written as configuration writes it: <c>session</c>, <c>bearer</c>,
/// <c>bearer:invoices.read</c> (space-separated scopes, all required) or <c>open</c>.
/// </summary>
internal sealed record GuardRule(GuardKind Kind, IReadOnlyList<string> Scopes)
{
    public static readonly GuardRule Open = new(GuardKind.Open, []);
    public static readonly GuardRule Session = new(GuardKind.Session, []);

    public static GuardRule Bearer(IReadOnlyList<string> scopes) => new(GuardKind.Bearer, scopes);

    /// <summary>The rule, or null when the text is none of the forms above.</summary>
    public static GuardRule? Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        if (value.Equals("open", StringComparison.OrdinalIgnoreCase)) return Open;
        if (value.Equals("session", StringComparison.OrdinalIgnoreCase)) return Session;
        if (value.Equals("bearer", StringComparison.OrdinalIgnoreCase)) return Bearer([]);
        if (!value.StartsWith("bearer:", StringComparison.OrdinalIgnoreCase)) return null;
        var scopes = Auth.Tokens.OAuth.Scopes.Parse(value["bearer:".Length..].Trim());
        return scopes is { Count: > 0 } ? Bearer(scopes) : null;
    }

    /// <summary>Null when the request may go on (with the caller stored on it); otherwise the refusal to send.</summary>
    public Task<IResult?> CheckAsync(HttpContext context) => Kind switch
    {
        GuardKind.Session => SessionGuard.CheckAsync(context),
        GuardKind.Bearer => BearerGuard.CheckAsync(context, Scopes),
        _ => Task.FromResult<IResult?>(null),
    };

    public override string ToString() => Kind switch
    {
        GuardKind.Session => "session",
        GuardKind.Bearer when Scopes.Count > 0 => $"bearer:{string.Join(' ', Scopes)}",
        GuardKind.Bearer => "bearer",
        _ => "open",
    };
}

internal enum GuardKind { Open, Session, Bearer }
