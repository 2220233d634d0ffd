namespace SessionClient.Sending;

/// <summary>The jar's Cookie header with per-request cookies put first, replacing jar cookies of the same name.</summary>
internal static class CookieMerge
{
    public static string Header(string jarHeader, IReadOnlyDictionary<string, string>? perRequest)
    {
        if (perRequest is null || perRequest.Count == 0) return jarHeader;
        var pairs = perRequest.Select(c => $"{c.Key}={c.Value}").ToList();
        if (jarHeader.Length > 0)
            foreach (var pair in jarHeader.Split("; "))
            {
                var eq = pair.IndexOf('=');
                var name = eq < 0 ? "" : pair[..eq];
                if (!perRequest.ContainsKey(name)) pairs.Add(pair);
            }
        return string.Join("; ", pairs);
    }
}
