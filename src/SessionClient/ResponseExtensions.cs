namespace SessionClient;

/// <summary>What requests puts on its Response: the cookies it set and the redirects that led to it.</summary>
public static class ResponseExtensions
{
    private static readonly HttpRequestOptionsKey<IReadOnlyList<HttpResponseMessage>> HistoryKey = new("SessionClient.History");
    private static readonly HttpRequestOptionsKey<CookieJar> JarKey = new("SessionClient.Jar");

    /// <summary>
    /// The cookies this response (not its redirects) set, judged with the session jar's clock and options
    /// (requests' <c>response.cookies</c>); <c>.ToDictionary()</c> is <c>get_dict()</c>.
    /// </summary>
    public static CookieJar SetCookies(this HttpResponseMessage response)
    {
        var request = response.RequestMessage;
        var sessionJar = request is Sending.SessionRequestMessage own ? own.Jar
            : request?.Options.TryGetValue(JarKey, out var attached) == true ? attached : null;
        var jar = new CookieJar(sessionJar?.TimeProvider, sessionJar?.Options);
        if (request?.RequestUri is { } uri && response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var value in values) jar.SetCookies(uri, value);
        return jar;
    }

    /// <summary>The redirect responses followed on the way to this one, oldest first (requests' <c>response.history</c>).</summary>
    public static IReadOnlyList<HttpResponseMessage> History(this HttpResponseMessage response) =>
        response.RequestMessage is Sending.SessionRequestMessage own ? own.History ?? []
        : response.RequestMessage?.Options.TryGetValue(HistoryKey, out var history) == true ? history : [];

    internal static void Attach(HttpResponseMessage response, IReadOnlyList<HttpResponseMessage> history, CookieJar jar)
    {
        if (response.RequestMessage is Sending.SessionRequestMessage own)
        {
            own.History = history;
            own.Jar = jar;
            return;
        }
        if (response.RequestMessage is not { } request) return;
        if (history.Count > 0) request.Options.Set(HistoryKey, history); // History() answers [] when none is set
        request.Options.Set(JarKey, jar);
    }
}
