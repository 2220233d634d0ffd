namespace SessionClient.Logging;

/// <summary>Keeps secrets out of logs: cookie values, credentials and userinfo become ***.</summary>
internal static class Redaction
{
    public const string Mask = "***";

    public static string Header(string name, string value) => name.ToLowerInvariant() switch
    {
        "authorization" or "proxy-authorization" => SchemeOnly(value),
        "cookie" => string.Join("; ", value.Split(';').Select(p => MaskValue(p.Trim()))),
        "set-cookie" => MaskValue(value.Split(';')[0].Trim()) + (value.Contains(';') ? value[value.IndexOf(';')..] : ""),
        _ => value,
    };

    /// <summary>The URL without userinfo (user:password@).</summary>
    public static string Url(Uri? uri)
    {
        if (uri is null) return "";
        if (string.IsNullOrEmpty(uri.UserInfo)) return uri.ToString();
        return new UriBuilder(uri) { UserName = Mask, Password = "" }.Uri.ToString();
    }

    private static string SchemeOnly(string value)
    {
        var space = value.IndexOf(' ');
        return space < 0 ? Mask : $"{value[..space]} {Mask}";
    }

    private static string MaskValue(string pair)
    {
        var eq = pair.IndexOf('=');
        return eq < 0 ? Mask : $"{pair[..eq]}={Mask}";
    }
}
