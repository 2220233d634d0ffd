using System.Net.Http.Headers;

namespace SessionClient.Sending;

/// <summary>Session headers, then the request message's, then the per-request options': later wins by name.</summary>
internal static class HeaderMerge
{
    public static List<KeyValuePair<string, string[]>> Merge(IReadOnlyDictionary<string, string> session,
        HttpRequestHeaders message, IReadOnlyDictionary<string, string> perRequest)
    {
        var merged = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in session) merged[name] = [value];
        foreach (var (name, values) in message.NonValidated) merged[name] = [.. values];
        foreach (var (name, value) in perRequest) merged[name] = [value];
        return [.. merged];
    }
}
