using System.Diagnostics;
using SessionClient.Logging;
using SessionClient.Redirects;
using SessionClient.Retries;

namespace SessionClient.Sending;

/// <summary>
/// One logical request: the session's defaults merged with the request's, then sent hop by hop through
/// redirects. Each hop is a fresh message whose Cookie header is computed from the jar for that hop's URL.
/// </summary>
internal sealed class Exchange
{
    // Never carried to another origin, and never restored once the chain has left the first one.
    private static readonly string[] OriginBoundHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "Host"];

    private const int MaxRedirectBodyBytes = 64 * 1024;

    private readonly SessionSnapshot _session;
    private readonly RequestOptions _options;
    private readonly MountedTransport? _ownTransport;
    private readonly List<KeyValuePair<string, string[]>> _headers;
    private readonly Version _version;
    private readonly HttpVersionPolicy _versionPolicy;
    private HttpMethod _method;
    private Uri _uri;
    private BufferedBody? _body;
    private bool _leftOrigin;
    private HttpRequestMessage? _unsent; // a template nobody else holds, sent as the first hop's first attempt

    /// <param name="url">The first hop's URL, absolute, the session's and the request's params merged in.</param>
    /// <param name="headers">The session's, the template's and the request's headers, merged.</param>
    public Exchange(SessionSnapshot session, RequestOptions options, HttpRequestMessage template, Uri url,
        List<KeyValuePair<string, string[]>> headers, BufferedBody? body, bool sendTemplate = false)
    {
        _session = session;
        _options = options;
        _ownTransport = options.Transport is { } transport ? new MountedTransport(transport, session.TimeProvider) : null;
        _method = template.Method;
        _uri = url;
        _body = body;
        _version = template.Version;
        _versionPolicy = template.VersionPolicy;
        _headers = headers;
        // The session made this message itself (GetAsync…), with this method and URL, and sends it once: it can be the
        // first hop's message rather than a copy. A body is rebuilt from its buffer, so only a bodiless one qualifies.
        if (sendTemplate && template.Content is null) _unsent = template;
    }

    public async Task<HttpResponseMessage> RunAsync(CancellationToken cancellationToken)
    {
        var timeout = _options.Timeout ?? _session.Timeout;
        using var timeoutSource = timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? null : new CancellationTokenSource(timeout, _session.TimeProvider);
        // A caller's token that can never fire needs no link: the timeout's own token is the whole story.
        using var linked = timeoutSource is null || !cancellationToken.CanBeCanceled
            ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var token = linked?.Token ?? timeoutSource?.Token ?? cancellationToken;

        List<HttpResponseMessage>? history = null; // most requests follow no redirect
        HttpResponseMessage? response = null;
        try
        {
            while (true)
            {
                var hop = history?.Count ?? 0;
                // A request's own transport settings come before the mount table, for every hop.
                var transport = _ownTransport ?? _session.Mounts.Find(_uri);
                if (transport is null)
                {
                    // The plain case inline: one attempt, no per-hop delegate or task of its own.
                    var request = BuildHop();
                    if (!_leftOrigin && _session.ApplyAuth is { } applyAuth) await applyAuth(request, token);
                    AddCookieHeader(request);
                    var started = Stopwatch.GetTimestamp();
                    response = await _session.Invoker.SendAsync(request, token);
                    Sent(request, response, started, hop);
                }
                else
                {
                    response = await transport.SendAsync(_method, _uri, HopSender(hop), _session.Logger, token);
                }
                StoreCookies(response);

                var next = _options.AllowRedirects && RedirectRules.IsRedirect((int)response.StatusCode)
                    ? RedirectRules.Resolve(_uri, response.Headers.Location) : null;
                if (next is null)
                {
                    // Like HttpClient's default, the body is read inside the timeout unless the caller streams it.
                    if (!_options.Stream)
                    {
                        var limit = _options.MaxResponseBodyBytes ?? _session.MaxResponseBodyBytes;
                        BoundedResponseBody.RefuseAnnounced(response, _uri, limit);
                        try
                        {
                            await response.Content.LoadIntoBufferAsync(limit, token);
                        }
                        catch (HttpRequestException e) when (BoundedResponseBody.IsPastLimit(e))
                        {
                            throw BoundedResponseBody.TooLarge(_uri, limit);
                        }
                    }
                    ResponseExtensions.Attach(response, history ?? (IReadOnlyList<HttpResponseMessage>)[], _session.Cookies);
                    return response;
                }

                history ??= [];
                if (history.Count >= _session.MaxRedirects)
                    throw new TooManyRedirectsException(_session.MaxRedirects, [.. history.Select(h => h.RequestMessage!.RequestUri!), _uri, next]);
                if (_uri.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp && !_session.AllowHttpsToHttpRedirects)
                    throw new InsecureRedirectException(_uri, next);

                await BufferRedirectBodyAsync(response, token);
                history.Add(response);
                response = null;
                FollowTo((int)history[^1].StatusCode, next);
            }
        }
        catch (Exception e)
        {
            response?.Dispose();
            foreach (var earlier in history ?? []) earlier.Dispose();
            if (e is OperationCanceledException && timeoutSource?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
                throw new TimeoutException($"{_method} {Redaction.Url(_uri)} did not complete within {timeout}.", e);
            throw;
        }
    }

    /// <summary>
    /// Reading a redirect's body frees the connection for the next hop. A body past the cap is not worth the
    /// memory: the response is dropped (and its connection with it) and the redirect still followed.
    /// </summary>
    private static async Task BufferRedirectBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxRedirectBodyBytes, cancellationToken);
        }
        catch (HttpRequestException)
        {
            response.Dispose();
        }
    }

    private Func<CancellationToken, Task<HttpResponseMessage>> HopSender(int hop) => ct => SendHopAsync(hop, ct);

    /// <summary>One attempt at the current hop: a fresh message, so a retry can send it again.</summary>
    private async Task<HttpResponseMessage> SendHopAsync(int hop, CancellationToken cancellationToken)
    {
        var request = BuildHop();
        if (!_leftOrigin && _session.ApplyAuth is { } applyAuth) await applyAuth(request, cancellationToken);
        AddCookieHeader(request);
        var started = Stopwatch.GetTimestamp();
        var response = await _session.Invoker.SendAsync(request, cancellationToken);
        Sent(request, response, started, hop);
        return response;
    }

    private void Sent(HttpRequestMessage request, HttpResponseMessage response, long started, int hop)
    {
        response.RequestMessage ??= request;
        SessionLog.Exchange(_session.Logger, request, response, Stopwatch.GetElapsedTime(started), hop);
    }

    private void FollowTo(int status, Uri next)
    {
        if (!RedirectRules.SameOrigin(_uri, next)) _leftOrigin = true;
        _method = RedirectRules.NextMethod(status, _method);
        if (!RedirectRules.KeepsBody(status)) _body = null;
        _uri = next;
    }

    private bool _explicitCookie;

    /// <summary>The hop's message with its headers; credentials and the Cookie header are added after it.</summary>
    private HttpRequestMessage BuildHop()
    {
        HttpRequestMessage request;
        if (_unsent is { } own)
        {
            _unsent = null; // a retry of this hop gets a fresh message
            request = own;
        }
        else
        {
            request = new SessionRequestMessage(_method, _uri) { Version = _version, VersionPolicy = _versionPolicy, Content = _body?.ToContent() };
        }
        var explicitCookie = false;
        foreach (var (name, values) in _headers)
        {
            if (_leftOrigin && OriginBoundHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)) explicitCookie = true;
            // One value goes in as a plain string: no per-header list in the header store.
            if (values.Length == 1 ? request.Headers.TryAddWithoutValidation(name, values[0]) : request.Headers.TryAddWithoutValidation(name, values)) continue;
            // Content-Type and friends belong to the content: a session or per-request value replaces the content's own.
            if (request.Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        _explicitCookie = explicitCookie;
        return request;
    }

    // An explicit Cookie header is the caller's choice, as in requests; otherwise the jar decides per hop.
    private void AddCookieHeader(HttpRequestMessage request)
    {
        if (_explicitCookie) return;
        var cookie = CookieMerge.Header(_session.Cookies.GetCookieHeader(_uri), _leftOrigin ? null : _options.Cookies);
        if (cookie.Length > 0) request.Headers.TryAddWithoutValidation("Cookie", cookie);
    }

    private void StoreCookies(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var value in values)
            if (!_session.Cookies.SetCookies(_uri, value)) SessionLog.CookieIgnored(_session.Logger, value, _uri);
    }
}
