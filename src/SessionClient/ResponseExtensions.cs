namespace SessionClient;

/// <summary>What requests puts on its Response: the cookies it set and the redirects that led to it.</summary>
public static class ResponseExtensions
{
    private static readonly HttpRequestOptionsKey<IReadOnlyList<HttpResponseMessage>> HistoryKey = new("SessionClient.History");

    /// <summary>
    /// The cookies this response (not its redirects) set, judged as the session's jar judged them
    /// (requests' <c>response.cookies</c>); <c>.ToDictionary()</c> is <c>get_dict()</c>.
    /// </summary>
    public static CookieJar SetCookies(this HttpResponseMessage response, TimeProvider? timeProvider = null)
    {
        var jar = new CookieJar(timeProvider);
        var uri = response.RequestMessage?.RequestUri;
        if (uri is not null && response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var value in values) jar.SetCookies(uri, value);
        return jar;
    }

    /// <summary>The redirect responses followed on the way to this one, oldest first (requests' <c>response.history</c>).</summary>
    public static IReadOnlyList<HttpResponseMessage> History(this HttpResponseMessage response) =>
        response.RequestMessage?.Options.TryGetValue(HistoryKey, out var history) == true ? history : [];

    internal static void AttachHistory(HttpResponseMessage response, IReadOnlyList<HttpResponseMessage> history) =>
        response.RequestMessage?.Options.Set(HistoryKey, history);
}
