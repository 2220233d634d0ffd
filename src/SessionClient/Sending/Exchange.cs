using System.Diagnostics;
using SessionClient.Logging;
using SessionClient.Redirects;

namespace SessionClient.Sending;

/// <summary>
/// One logical request: the session's defaults merged with the request's, then sent hop by hop through
/// redirects. Each hop is a fresh message whose Cookie header is computed from the jar for that hop's URL.
/// </summary>
internal sealed class Exchange
{
    // Never carried to another origin, and never restored once the chain has left the first one.
    private static readonly string[] OriginBoundHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Host"];

    private readonly HttpSession _session;
    private readonly RequestOptions _options;
    private readonly List<KeyValuePair<string, string[]>> _headers;
    private readonly Version _version;
    private readonly HttpVersionPolicy _versionPolicy;
    private HttpMethod _method;
    private Uri _uri;
    private BufferedBody? _body;
    private bool _leftOrigin;

    private Exchange(HttpSession session, RequestOptions options, HttpRequestMessage template, BufferedBody? body)
    {
        _session = session;
        _options = options;
        _method = template.Method;
        _uri = QueryMerge.With(session.ToUri(template.RequestUri?.ToString() ?? throw new ArgumentException("The request has no URL.")),
            session.Params, options.Params);
        _body = body;
        _version = template.Version;
        _versionPolicy = template.VersionPolicy;
        _headers = HeaderMerge.Merge(session.Headers, template.Headers, options.Headers);
    }

    public static async Task<Exchange> CreateAsync(HttpSession session, HttpRequestMessage template, RequestOptions options,
        CancellationToken cancellationToken)
    {
        var body = template.Content is null ? null : await BufferedBody.ReadAsync(template.Content, cancellationToken);
        return new Exchange(session, options, template, body);
    }

    public async Task<HttpResponseMessage> RunAsync(CancellationToken cancellationToken)
    {
        var timeout = _options.Timeout ?? _session.Timeout;
        using var timeoutSource = timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? null : new CancellationTokenSource(timeout, _session.TimeProvider);
        using var linked = timeoutSource is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var token = linked?.Token ?? cancellationToken;

        var history = new List<HttpResponseMessage>();
        while (true)
        {
            HttpResponseMessage response;
            try
            {
                var hop = history.Count;
                var transport = _session.Mounts.Find(_uri);
                response = transport is null
                    ? await SendHopAsync(hop, token)
                    : await transport.SendAsync(_method, _uri, ct => SendHopAsync(hop, ct), token);
            }
            catch (OperationCanceledException e) when (timeoutSource?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{_method} {Redaction.Url(_uri)} did not complete within {timeout}.", e);
            }
            StoreCookies(response);

            var next = _options.AllowRedirects && RedirectRules.IsRedirect((int)response.StatusCode)
                ? RedirectRules.Resolve(_uri, response.Headers.Location) : null;
            if (next is null)
            {
                ResponseExtensions.AttachHistory(response, history);
                return response;
            }

            if (history.Count >= _session.MaxRedirects)
            {
                response.Dispose();
                throw new TooManyRedirectsException(_session.MaxRedirects, [.. history.Select(h => h.RequestMessage!.RequestUri!), _uri, next]);
            }
            if (_uri.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp && !_session.AllowHttpsToHttpRedirects)
            {
                response.Dispose();
                throw new InsecureRedirectException(_uri, next);
            }

            // Buffering frees the connection for the next hop; redirect bodies are small.
            await response.Content.LoadIntoBufferAsync(token);
            history.Add(response);
            FollowTo((int)response.StatusCode, next);
        }
    }

    /// <summary>One attempt at the current hop: a fresh message, so a retry can send it again.</summary>
    private async Task<HttpResponseMessage> SendHopAsync(int hop, CancellationToken cancellationToken)
    {
        var request = await BuildHopAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var response = await _session.Invoker.SendAsync(request, cancellationToken);
        response.RequestMessage ??= request;
        SessionLog.Exchange(_session.Logger, request, response, Stopwatch.GetElapsedTime(started), hop);
        return response;
    }

    private void FollowTo(int status, Uri next)
    {
        if (!RedirectRules.SameOrigin(_uri, next)) _leftOrigin = true;
        _method = RedirectRules.NextMethod(status, _method);
        if (!RedirectRules.KeepsBody(status)) _body = null;
        _uri = next;
    }

    private async Task<HttpRequestMessage> BuildHopAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(_method, _uri) { Version = _version, VersionPolicy = _versionPolicy };
        var explicitCookie = false;
        foreach (var (name, values) in _headers)
        {
            if (_leftOrigin && OriginBoundHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)) explicitCookie = true;
            request.Headers.TryAddWithoutValidation(name, values);
        }
        request.Content = _body?.ToContent();

        if (!_leftOrigin && (_options.Auth ?? _session.Auth) is { } auth) await auth.ApplyAsync(request, cancellationToken);

        // An explicit Cookie header is the caller's choice, as in requests; otherwise the jar decides per hop.
        if (!explicitCookie)
        {
            var cookie = CookieMerge.Header(_session.Cookies.GetCookieHeader(_uri), _leftOrigin ? null : _options.Cookies);
            if (cookie.Length > 0) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }
        return request;
    }

    private void StoreCookies(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var value in values) _session.Cookies.SetCookies(_uri, value);
    }
}
