namespace SessionClient;

public enum CookieFileFormat
{
    /// <summary>The Netscape cookies.txt that curl's -b/-c (and wget, yt-dlp, Python's MozillaCookieJar) read and write.</summary>
    Netscape,

    /// <summary>Playwright's storageState JSON ({"cookies": [...], "origins": []}), which a browser context can load.</summary>
    Json,
}
