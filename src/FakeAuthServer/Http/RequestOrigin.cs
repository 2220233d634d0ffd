namespace FakeAuthServer.Http;

/// <summary>
/// The Origin a browser puts on a POST (Fetch standard): a page of another origin cannot hide or forge it, so it
/// says which page sent a form. Clients that are not browsers send none, and are not the victims of forged forms.
/// </summary>
internal static class RequestOrigin
{
    /// <summary>The request's Origin header, or null when it has none.</summary>
    public static string? Of(HttpRequest request) => request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : null;

    /// <summary>True when <paramref name="origin"/> is exactly the request's own scheme, host and port ("null" never is).</summary>
    public static bool IsOwn(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) &&
        string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
