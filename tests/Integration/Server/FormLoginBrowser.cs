using System.Net;
using System.Text.RegularExpressions;
using FakeAuthServer.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SessionKit.Tests.Integration.Server;

/// <summary>A browser stand-in for the form flow: keeps cookies, does not follow redirects, reads tokens from pages.</summary>
public sealed partial class FormLoginBrowser(FakeAuthServerFactory server) : IDisposable
{
    public HttpClient Client { get; } =
        server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The csrf_token hidden input of the page at <paramref name="path"/>.</summary>
    public async Task<string> CsrfTokenAsync(string path = "/login")
    {
        var page = await Client.GetAsync(path);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        return HiddenCsrf(await page.Content.ReadAsStringAsync());
    }

    public static string HiddenCsrf(string html) => CsrfInput().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new AssertionException("no csrf_token input in:\n" + html);

    public Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields) =>
        Client.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>GET /login then POST it, as the tutorial's scraper does.</summary>
    public async Task<HttpResponseMessage> LogInAsync(string username = "some_name", string password = "pass", string? next = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["username"] = username,
            ["password"] = password,
            ["csrf_token"] = await CsrfTokenAsync(),
        };
        if (next is not null) fields["next"] = next;
        return await PostFormAsync("/login", fields);
    }

    public async Task<HttpResponseMessage> SubmitCodeAsync(string code) =>
        await PostFormAsync("/2fa/verify", new Dictionary<string, string> { ["code"] = code, ["csrf_token"] = await CsrfTokenAsync("/2fa") });

    /// <summary>The value of <paramref name="name"/> in a response's Set-Cookie, and the header's attributes.</summary>
    public static string SetCookieHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var headers)
            ? headers.Single(h => h.StartsWith(name + "=", StringComparison.Ordinal))
            : throw new AssertionException($"no Set-Cookie for {name}");

    public static string CookieValue(HttpResponseMessage response, string name)
    {
        var header = SetCookieHeader(response, name);
        return header[(name.Length + 1)..header.IndexOf(';')];
    }

    public static bool SetsCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var headers) && headers.Any(h => h.StartsWith(name + "=", StringComparison.Ordinal));

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("""<input type="hidden" name="csrf_token" value="([^"]+)">""")]
    private static partial Regex CsrfInput();
}
