using System.Net.Http.Headers;

namespace SessionClient.Sending;

/// <summary>Session headers, then the request message's, then the per-request options': later wins by name.</summary>
internal static class HeaderMerge
{
    public static List<KeyValuePair<string, string[]>> Merge(IReadOnlyDictionary<string, string> session,
        HttpRequestHeaders? message, IReadOnlyDictionary<string, string> perRequest)
    {
        var merged = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in session) merged[name] = [value];
        if (message is not null)
            foreach (var (name, values) in message.NonValidated) merged[name] = [.. values];
        foreach (var (name, value) in perRequest) merged[name] = [value];
        return [.. merged];
    }
}

/// <summary>
/// The session's headers merged alone (no message or per-request headers: GetAsync's case), built once and reused
/// while the session's dictionary holds the very same entries. The list is only ever read.
/// </summary>
internal sealed class MergedSessionHeaders
{
    private static readonly Dictionary<string, string> None = [];

    private volatile Merged? _last;

    private sealed record Merged(KeyValuePair<string, string>[] Source, List<KeyValuePair<string, string[]>> Headers);

    public List<KeyValuePair<string, string[]>> For(Dictionary<string, string> session)
    {
        if (_last is { } last && Holds(session, last.Source)) return last.Headers;
        var merged = new Merged([.. session], HeaderMerge.Merge(session, null, None));
        _last = merged;
        return merged.Headers;
    }

    // Same names and values, by reference, in the same order: nothing was added, removed or replaced.
    private static bool Holds(Dictionary<string, string> session, KeyValuePair<string, string>[] source)
    {
        if (session.Count != source.Length) return false;
        var i = 0;
        foreach (var (name, value) in session)
        {
            if (!ReferenceEquals(name, source[i].Key) || !ReferenceEquals(value, source[i].Value)) return false;
            i++;
        }
        return true;
    }
}
