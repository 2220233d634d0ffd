using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SessionClient;

/// <summary>
/// Logs a session in through an HTML login form (seed 004): GET the page, find the form with a password field and
/// its CSRF token (<see cref="CsrfTokenFinder"/>), POST the credentials with the form's hidden inputs to its action with a Referer, and
/// confirm success by status and by not landing back on the login page.
/// </summary>
public sealed class FormLogin(string loginUrl, string username, string password) : ILoginFlow
{
    public string UsernameField { get; init; } = "username";
    public string PasswordField { get; init; } = "password";

    /// <summary>Answers a 2FA step: called with nothing, returns the code (e.g. from <see cref="Totp"/>).</summary>
    public Func<CancellationToken, ValueTask<string>>? TwoFactorCode { get; init; }

    /// <summary>Where a password login that needs a second factor lands.</summary>
    public string TwoFactorPath { get; init; } = "/2fa";

    /// <summary>Other fields to post (e.g. "remember": "1").</summary>
    public Dictionary<string, string> ExtraFields { get; init; } = [];

    public async Task<HttpResponseMessage> LoginAsync(HttpSession session, CancellationToken cancellationToken = default)
    {
        var page = await session.GetAsync(loginUrl, cancellationToken: cancellationToken);
        if (!page.IsSuccessStatusCode)
            throw new LoginFailedException($"The login page {loginUrl} answered {(int)page.StatusCode}.", (int)page.StatusCode);
        var pageUrl = page.RequestMessage!.RequestUri!;
        var html = await page.Content.ReadAsStringAsync(cancellationToken);

        var (action, hidden) = FormAround(html, pageUrl, "input[type='password']");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in hidden) fields[name] = value;
        foreach (var (name, value) in ExtraFields) fields[name] = value;
        fields[UsernameField] = username;
        fields[PasswordField] = password;
        if (CsrfTokenFinder.Find(html) is { } csrf) fields[csrf.Field] = csrf.Value;

        var response = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent(fields),
            Headers = { Referrer = pageUrl },
        }, cancellationToken: cancellationToken);

        if (response.RequestMessage!.RequestUri!.AbsolutePath == TwoFactorPath)
            response = await SecondFactorAsync(session, response, cancellationToken);

        var landed = response.RequestMessage!.RequestUri!;
        if (!response.IsSuccessStatusCode || landed.AbsolutePath == pageUrl.AbsolutePath || landed.AbsolutePath == TwoFactorPath)
            throw new LoginFailedException(
                $"Logging in as '{username}' at {action} did not succeed: {(int)response.StatusCode}, ended at {landed.AbsolutePath}.",
                (int)response.StatusCode);
        return response;
    }

    /// <summary>The code form: its CSRF token if any, the code from the callback, posted to the form's action.</summary>
    private async Task<HttpResponseMessage> SecondFactorAsync(HttpSession session, HttpResponseMessage codePage, CancellationToken cancellationToken)
    {
        if (TwoFactorCode is null)
            throw new LoginFailedException($"The login as '{username}' asks for a second factor; set TwoFactorCode.", (int)codePage.StatusCode);
        var pageUrl = codePage.RequestMessage!.RequestUri!;
        var html = await codePage.Content.ReadAsStringAsync(cancellationToken);
        var fields = new Dictionary<string, string> { ["code"] = await TwoFactorCode(cancellationToken) };
        if (CsrfTokenFinder.Find(html) is { } csrf) fields[csrf.Field] = csrf.Value;
        var (action, _) = FormAround(html, pageUrl, "input[name='code']");
        return await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent(fields),
            Headers = { Referrer = pageUrl },
        }, cancellationToken: cancellationToken);
    }

    Task ILoginFlow.LoginAsync(HttpSession session, CancellationToken cancellationToken) => LoginAsync(session, cancellationToken);

    /// <summary>
    /// The form around the field <paramref name="fieldSelector"/> finds: its action resolved against the page (the page
    /// itself otherwise), and its hidden inputs, which a browser posts too — a login page that returns somewhere (an
    /// OAuth authorization request, ?next=) carries the way back in one.
    /// </summary>
    private static (Uri Action, IEnumerable<KeyValuePair<string, string>> Hidden) FormAround(string html, Uri pageUrl, string fieldSelector)
    {
        var form = new HtmlParser().ParseDocument(html).QuerySelector(fieldSelector)?.Closest("form");
        var hidden = form?.QuerySelectorAll("input[type='hidden'][name]")
            .Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList() ?? [];
        var action = form?.GetAttribute("action");
        return (string.IsNullOrWhiteSpace(action) || !Uri.TryCreate(pageUrl, action, out var resolved) ? pageUrl : resolved, hidden);
    }
}
