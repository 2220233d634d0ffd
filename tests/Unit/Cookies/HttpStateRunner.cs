using System.Net;
using Microsoft.Extensions.Time.Testing;
using SessionClient;

namespace SessionKit.Tests.Unit.Cookies;

/// <summary>Replays an http-state case against a cookie store, from an empty jar, and returns the Cookie header sent.</summary>
public static class HttpStateRunner
{
    /// <summary>
    /// The corpus was brought in line with RFC 6265 in 2011, when its Expires dates of 2019 and 2027
    /// were in the future. The data is left untouched (tough-cookie rewrites those years to 9999);
    /// instead our jar runs on a clock set to that era, so "future" means what the authors meant.
    /// </summary>
    public static readonly DateTimeOffset CorpusEra = new(2011, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static string RunCookieJar(HttpStateParserCase testCase)
    {
        var jar = new CookieJar(new FakeTimeProvider(CorpusEra));
        foreach (var value in testCase.SetCookieValues)
            jar.SetCookies(testCase.RequestUri, value);
        return jar.GetCookieHeader(testCase.ResultUri);
    }

    /// <summary>What HttpClient does with System.Net.CookieContainer (real clock: it has no TimeProvider).</summary>
    public static string RunCookieContainer(HttpStateParserCase testCase)
    {
        var container = new CookieContainer();
        foreach (var value in testCase.SetCookieValues)
        {
            try
            {
                container.SetCookies(testCase.RequestUri, value);
            }
            catch (CookieException)
            {
                // HttpClient's handler swallows these too.
            }
        }
        return container.GetCookieHeader(testCase.ResultUri);
    }
}
