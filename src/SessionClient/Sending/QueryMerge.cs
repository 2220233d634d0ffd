using System.Text;

namespace SessionClient.Sending;

/// <summary>Appends the session's and the request's parameters to a URL's own query, in that order.</summary>
internal static class QueryMerge
{
    public static Uri With(Uri uri, IEnumerable<KeyValuePair<string, string>> session, IEnumerable<KeyValuePair<string, string>> perRequest)
    {
        // Most requests add nothing: no builder, no second URI.
        if (session.TryGetNonEnumeratedCount(out var a) && a == 0 && perRequest.TryGetNonEnumeratedCount(out var b) && b == 0) return uri;
        var extra = new StringBuilder();
        foreach (var (name, value) in session.Concat(perRequest))
        {
            if (extra.Length > 0) extra.Append('&');
            extra.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        if (extra.Length == 0) return uri;

        var query = uri.Query.TrimStart('?');
        var builder = new UriBuilder(uri) { Query = query.Length == 0 ? extra.ToString() : $"{query}&{extra}" };
        return builder.Uri;
    }
}
