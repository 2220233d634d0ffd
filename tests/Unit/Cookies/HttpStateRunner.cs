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

    /// <summary>
    /// The corpus feeds the jar text already decoded from UTF-8 and its four charset cases expect that text back, as
    /// RFC 6265 parses it. By default the jar refuses non-ASCII (HttpClient cannot send it: issue 13 item 16), so the
    /// corpus runs with <see cref="CookieJarOptions.AllowNonAsciiCookies"/>; every other rule is the default one, and
    /// <c>CorpusCharsetCasesAreTheOnlyOnesTheDefaultJarTreatsDifferently</c> pins that this is the only difference.
    /// </summary>
    public static readonly CookieJarOptions CorpusOptions = new() { AllowNonAsciiCookies = true };

    public static string RunCookieJar(HttpStateParserCase testCase) => RunCookieJar(testCase, CorpusOptions);

    public static string RunCookieJar(HttpStateParserCase testCase, CookieJarOptions options)
    {
        var jar = new CookieJar(new FakeTimeProvider(CorpusEra), options);
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
