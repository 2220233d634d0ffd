using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Duende.IdentityModel.OidcClient.Browser;
using SessionClient;

namespace SessionKit.Tests.Integration.Oidc;

/// <summary>
/// The browser OidcClient asks for, played by an HttpSession: follow the provider's redirects, fill in its login form
/// like a user (every field of the form, username and password typed in), and stop at the app's redirect URI, which
/// nothing needs to serve — the browser hands the URL back, as a native app's would.
/// </summary>
internal sealed class HttpSessionBrowser(string username, string password) : IBrowser
{
    private const int MaxSteps = 10;

    public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
    {
        await using var session = new HttpSession();
        var request = new HttpRequestMessage(HttpMethod.Get, options.StartUrl);
        for (var step = 0; step < MaxSteps; step++)
        {
            using var response = await session.SendAsync(request, new RequestOptions { AllowRedirects = false }, cancellationToken);
            if (response.Headers.Location is { } location)
            {
                var next = new Uri(response.RequestMessage!.RequestUri!, location).ToString();
                if (next.StartsWith(options.EndUrl, StringComparison.Ordinal))
                    return new BrowserResult { ResultType = BrowserResultType.Success, Response = next };
                request = new HttpRequestMessage(HttpMethod.Get, next);
                continue;
            }
            var html = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || new HtmlParser().ParseDocument(html).QuerySelector("input[type=password]")?.Closest("form") is not IHtmlFormElement form)
                return new BrowserResult { ResultType = BrowserResultType.UnknownError, Error = $"{(int)response.StatusCode} without a login form" };
            var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 })
                .ToDictionary(i => i.Name!, i => i.Name switch { "username" => username, "password" => password, _ => i.Value });
            request = new HttpRequestMessage(HttpMethod.Post, new Uri(response.RequestMessage!.RequestUri!, form.GetAttribute("action") ?? ""))
            {
                Content = new FormUrlEncodedContent(fields),
                Headers = { Referrer = response.RequestMessage.RequestUri },
            };
        }
        return new BrowserResult { ResultType = BrowserResultType.UnknownError, Error = $"no answer for the app after {MaxSteps} steps" };
    }
}
