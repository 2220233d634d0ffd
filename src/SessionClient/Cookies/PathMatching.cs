namespace SessionClient;

/// <summary>The RFC 6265 §5.1.4 default-path and path-match rules. Paths compare case-sensitively and without unescaping.</summary>
internal static class PathMatching
{
    /// <summary>The directory of the request path: "/a/b/c" gives "/a/b", "/a" and "" give "/".</summary>
    public static string DefaultPath(string requestPath)
    {
        if (string.IsNullOrEmpty(requestPath) || requestPath[0] != '/')
            return "/";
        var lastSlash = requestPath.LastIndexOf('/');
        return lastSlash == 0 ? "/" : requestPath[..lastSlash];
    }

    /// <summary>True when <paramref name="cookiePath"/> equals the request path or is one of its "directories".</summary>
    public static bool PathMatches(string requestPath, string cookiePath)
    {
        if (!requestPath.StartsWith(cookiePath, StringComparison.Ordinal))
            return false;
        return requestPath.Length == cookiePath.Length
            || cookiePath.EndsWith('/')
            || requestPath[cookiePath.Length] == '/';
    }
}
