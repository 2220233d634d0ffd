using System.Text.Json;
using System.Text.Json.Serialization;

namespace SessionClient.CookieFiles;

/// <summary>
/// Playwright's storageState JSON. Domain cookies carry a leading dot; "expires" is Unix seconds or -1 for a session
/// cookie; sameSite is Strict, Lax or None (an unspecified SameSite is written as Lax, the browsers' default).
/// </summary>
internal static class StorageStateFormat
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(IEnumerable<Cookie> cookies)
    {
        var state = new StorageState(cookies.Select(c => new StateCookie(
            c.Name, c.Value, c.HostOnly ? c.Domain : "." + c.Domain, c.Path,
            c.Expires is { } e ? e.ToUnixTimeMilliseconds() / 1000.0 : -1, c.HttpOnly, c.Secure,
            c.SameSite is SameSiteMode.Unspecified ? "Lax" : c.SameSite.ToString())).ToList<StateCookie?>(), []);
        return JsonSerializer.Serialize(state, Options);
    }

    public static List<CookieRecord> Read(string json, string source)
    {
        StorageState? state;
        try
        {
            state = JsonSerializer.Deserialize<StorageState>(json, Options);
        }
        catch (JsonException e)
        {
            throw new CookieFileException(source, (int)(e.LineNumber ?? -1) + 1, $"not valid storageState JSON: {e.Message}");
        }
        if (state?.Cookies is null) throw new CookieFileException(source, 0, "expected an object with a \"cookies\" array.");

        var records = new List<CookieRecord>();
        for (var i = 0; i < state.Cookies.Count; i++)
        {
            var c = state.Cookies[i];
            if (c is null || c.Name is null || c.Value is null || string.IsNullOrEmpty(c.Domain))
                throw new CookieFileException(source, 0, $"cookie #{i + 1} needs name, value and domain.");
            var sameSite = c.SameSite switch
            {
                null => SameSiteMode.Unspecified,
                _ when Enum.TryParse<SameSiteMode>(c.SameSite, ignoreCase: true, out var mode) => mode,
                _ => throw new CookieFileException(source, 0, $"cookie #{i + 1} has sameSite '{c.SameSite}'; expected Strict, Lax or None."),
            };
            DateTimeOffset? expires = c.Expires is null or < 0 ? null
                : c.Expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                    ? throw new CookieFileException(source, 0, $"cookie #{i + 1} expires too far in the future.")
                    : DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(c.Expires.Value * 1000));
            records.Add(new CookieRecord(0, c.Name, c.Value, c.Domain, c.Path ?? "/", c.Secure ?? false, c.HttpOnly ?? false, expires, sameSite));
        }
        return records;
    }

    private sealed record StorageState(
        [property: JsonPropertyName("cookies")] List<StateCookie?>? Cookies,
        [property: JsonPropertyName("origins")] List<JsonElement>? Origins);

    private sealed record StateCookie(string? Name, string? Value, string? Domain, string? Path, double? Expires,
        bool? HttpOnly, bool? Secure, string? SameSite);
}
