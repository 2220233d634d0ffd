using Microsoft.Extensions.Time.Testing;
using SessionClient;

namespace SessionKit.Tests.Unit.Cookies;

internal static class CookieJarTestSupport
{
    public static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static (CookieJar Jar, FakeTimeProvider Clock) NewJar(CookieJarOptions? options = null)
    {
        var clock = new FakeTimeProvider(Start);
        return (new CookieJar(clock, options), clock);
    }

    public static Uri Url(string url) => new(url);
}
