using SessionClient.CookieFiles;

namespace SessionClient;

/// <summary>Saving and loading a jar: curl's cookies.txt, Playwright's storageState, a DevTools Cookie header.</summary>
public static class CookieFileExtensions
{
    /// <summary>Writes every unexpired cookie, session cookies included, atomically and readable by the owner only.</summary>
    public static void Save(this CookieJar jar, string path, CookieFileFormat format = CookieFileFormat.Netscape) =>
        AtomicFile.WriteAllText(path, format == CookieFileFormat.Json ? jar.ExportStorageState() : NetscapeCookieFormat.Write(jar));

    /// <summary>
    /// Adds the cookies of a file to the jar (the format is recognised from the content). All or nothing: a bad
    /// line fails with a <see cref="CookieFileException"/> naming it, and the jar is left as it was.
    /// Expired cookies in the file are skipped. Every cookie meets the rules a Set-Cookie meets (name and value text,
    /// domain syntax, public suffixes, __Secure-/__Host- prefixes), and a file over the limit (Load's maxBytes) is
    /// refused before it is read whole.
    /// </summary>
    /// <summary>The largest cookie file <see cref="Load"/> reads by default: 16 MiB, more than a full jar's worth.</summary>
    public const long MaxCookieFileBytes = 16L * 1024 * 1024;

    public static int Load(this CookieJar jar, string path, long maxBytes = MaxCookieFileBytes)
    {
        var text = CookieFileReader.ReadAllText(path, maxBytes);
        var records = text.TrimStart().StartsWith('{')
            ? StorageStateFormat.Read(text, path)
            : NetscapeCookieFormat.Read(text, path);
        return Apply(jar, records, path);
    }

    public static string ExportStorageState(this CookieJar jar) => StorageStateFormat.Write(jar);

    /// <summary>Adds the cookies of a Playwright storageState JSON (context.storage_state()); all or nothing.</summary>
    public static int ImportStorageState(this CookieJar jar, string json) =>
        Apply(jar, StorageStateFormat.Read(json, "storageState"), "storageState");

    /// <summary>
    /// Adds the pairs of a Cookie request header copied from a browser's DevTools ("a=1; b=2") as host-only session
    /// cookies for <paramref name="uri"/>'s host, path "/"; all or nothing.
    /// </summary>
    public static int ImportCookieHeader(this CookieJar jar, string cookieHeader, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(cookieHeader);
        ArgumentNullException.ThrowIfNull(uri);
        var records = new List<CookieRecord>();
        foreach (var pair in cookieHeader.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw new CookieFileException("Cookie header", 0, "a piece has no name before '=' (values are not shown).");
            records.Add(new CookieRecord(0, pair[..eq].Trim(), pair[(eq + 1)..].Trim(), DomainMatching.CanonicalizeHost(uri), "/",
                uri.Scheme == Uri.UriSchemeHttps, false, null, SameSiteMode.Unspecified));
        }
        return Apply(jar, records, "Cookie header");
    }

    /// <summary>Checks every record in a scratch jar with the same rules first, so a failure changes nothing.</summary>
    private static int Apply(CookieJar jar, List<CookieRecord> records, string source)
    {
        var now = jar.TimeProvider.GetUtcNow();
        var live = records.Where(r => r.Expires is not { } e || e > now).ToList();
        // More than the jar keeps would be evicted on the way in: refused whole rather than silently cut short.
        if (live.Count > jar.Options.MaxCookies)
            throw new CookieFileException(source, 0,
                $"it holds {live.Count} unexpired cookies; the jar keeps at most {jar.Options.MaxCookies} (CookieJarOptions.MaxCookies).");
        var scratch = new CookieJar(jar.TimeProvider, jar.Options);
        foreach (var record in live)
        {
            try
            {
                Set(scratch, record);
            }
            catch (ArgumentException e)
            {
                throw new CookieFileException(source, record.Line, $"cookie '{record.Name}' was refused: {e.Message}");
            }
        }
        foreach (var record in live) Set(jar, record);
        return live.Count;
    }

    private static void Set(CookieJar jar, CookieRecord r) =>
        jar.Set(r.Name, r.Value, r.Domain, r.Path, r.Secure, r.HttpOnly, r.Expires, r.SameSite);
}
