using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SessionClient.Login;
using SessionClient.Retries;
using SessionClient.Sending;

namespace SessionClient;

/// <summary>
/// What <c>requests.Session</c> is to Python: cookies kept in an RFC 6265 jar, default headers, params and auth
/// for every request, pooled connections, and redirects followed safely (cookies recomputed per hop; credentials
/// and explicit cookies never cross to another origin).
/// </summary>
public sealed class HttpSession : IDisposable, IAsyncDisposable
{
    private readonly HttpMessageInvoker _invoker;

    /// <summary>Owns one pooled <see cref="SocketsHttpHandler"/>: requests to one origin share connections.</summary>
    public HttpSession(TimeProvider? timeProvider = null)
        : this(SessionHandlers.Create(), disposeHandler: true, timeProvider)
    {
    }

    /// <summary>
    /// Runs over any handler, e.g. TestServer's for an in-process server. The handler must not follow redirects or
    /// keep cookies itself: the session does both.
    /// </summary>
    public HttpSession(HttpMessageHandler inner, bool disposeHandler = false, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _invoker = new HttpMessageInvoker(inner, disposeHandler);
        TimeProvider = timeProvider ?? TimeProvider.System;
        Cookies = new CookieJar(TimeProvider);
    }

    /// <summary>Relative URLs are resolved against this.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Sent with every request unless the request names the same header.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["User-Agent"] = "SessionKit/0.1",
        ["Accept"] = "*/*",
    };

    /// <summary>Query parameters added to every request.</summary>
    public List<KeyValuePair<string, string>> Params { get; } = [];

    /// <summary>Credentials for every request to the origin it starts on.</summary>
    public IAuthenticator? Auth { get; set; }

    /// <summary>The cookie jar; replace it to start afresh or to share one between sessions.</summary>
    public CookieJar Cookies { get; set; }

    /// <summary>Whole-request timeout, redirects included; <see cref="Timeout.InfiniteTimeSpan"/> for none.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    public int MaxRedirects { get; set; } = 30;

    /// <summary>Default of <see cref="MaxResponseBodyBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxResponseBodyBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The most bytes of a response body (counted after decompression) read into memory; past it the request fails
    /// with <see cref="ResponseTooLargeException"/> without buffering more. Not applied to a streamed response
    /// (<see cref="RequestOptions.Stream"/>), whose body the caller reads.
    /// </summary>
    public long MaxResponseBodyBytes
    {
        get => _maxResponseBodyBytes;
        set => _maxResponseBodyBytes = ValidBodyLimit(value);
    }

    private long _maxResponseBodyBytes = DefaultMaxResponseBodyBytes;

    // One array holds the buffered body, so no limit can go past the largest array.
    internal static long ValidBodyLimit(long value, string name = nameof(MaxResponseBodyBytes))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Array.MaxLength, name);
        return value;
    }

    /// <summary>Off by default: an https page redirecting to http ends in <see cref="InsecureRedirectException"/>.</summary>
    public bool AllowHttpsToHttpRedirects { get; set; }

    /// <summary>Judges cookie expiry and drives the timeout.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Debug lines per request; cookie values and credentials are redacted.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    internal MountTable Mounts { get; } = new();

    /// <summary>
    /// Attaches transport settings (retries, a per-attempt timeout) to every URL that starts with
    /// <paramref name="prefix"/>; the longest matching prefix wins (requests' <c>session.mount</c>).
    /// </summary>
    public void Mount(string prefix, TransportSettings settings) => Mounts.Mount(prefix, new MountedTransport(settings, TimeProvider));

    /// <summary>requests' <c>session.mount(prefix, HTTPAdapter(max_retries=retries))</c>.</summary>
    public void Mount(string prefix, RetryPolicy retries) => Mount(prefix, new TransportSettings { Retries = retries });

    public Task<HttpResponseMessage> GetAsync(string url, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendOwnAsync(new SessionRequestMessage(HttpMethod.Get, ToUri(url)), options, cancellationToken);

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> form,
        RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, ToUri(url)) { Content = new FormUrlEncodedContent(form) }, options, cancellationToken);

    public Task<HttpResponseMessage> PostJsonAsync<T>(string url, T body, RequestOptions? options = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, ToUri(url)) { Content = JsonContent.Create(body) }, options, cancellationToken);

    public Task<HttpResponseMessage> PutAsync(string url, HttpContent? content, RequestOptions? options = null,
        CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, ToUri(url)) { Content = content }, options, cancellationToken);

    public Task<HttpResponseMessage> DeleteAsync(string url, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendOwnAsync(new SessionRequestMessage(HttpMethod.Delete, ToUri(url)), options, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> with the session's defaults merged in, follows redirects, stores cookies.
    /// The message is used as a template: each hop is a fresh message, so it can be sent again.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        // A faulted task, not a throw, as when this method was async.
        if (request is null) return Task.FromException<HttpResponseMessage>(new ArgumentNullException(nameof(request)));
        return SendAsync(request, templateIsOwn: false, options ?? DefaultOptions, cancellationToken);
    }

    /// <summary>A message the session made itself and hands to nobody: its first hop may go out as this very message.</summary>
    private Task<HttpResponseMessage> SendOwnAsync(HttpRequestMessage request, RequestOptions? options, CancellationToken cancellationToken) =>
        SendAsync(request, templateIsOwn: true, options ?? DefaultOptions, cancellationToken);

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool templateIsOwn, RequestOptions options,
        CancellationToken cancellationToken)
    {
        if (request.Content is not null || Relogin is not null)
            return SendWithBodyOrReloginAsync(request, templateIsOwn, options, cancellationToken);
        // No body to buffer and no re-login policy to consult: the exchange's own task is the answer (a bad URL
        // still fails the task, as it did when this method was async).
        Exchange exchange;
        try
        {
            exchange = ExchangeFor(request, options, null, templateIsOwn, sendTemplate: templateIsOwn);
        }
        catch (Exception e)
        {
            return Task.FromException<HttpResponseMessage>(e);
        }
        return exchange.RunAsync(cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithBodyOrReloginAsync(HttpRequestMessage request, bool templateIsOwn,
        RequestOptions options, CancellationToken cancellationToken)
    {
        // Read once: a redirect, a retry or a replay after re-login sends the same bytes again.
        var body = request.Content is null ? null : await BufferedBody.ReadAsync(request.Content, cancellationToken);
        var generation = _logins.Generation;
        var response = await ExchangeFor(request, options, body, templateIsOwn, sendTemplate: templateIsOwn).RunAsync(cancellationToken);
        if (Relogin is not { } relogin || _logins.InLogin || !relogin.NeedsLogin(response)) return response;

        response.Dispose();
        await _logins.LoginAsync(this, relogin.Flow, generation, cancellationToken);
        return await ExchangeFor(request, options, body, templateIsOwn, sendTemplate: false).RunAsync(cancellationToken);
    }

    /// <summary>One run of <paramref name="request"/> on what the session holds now: a replay after a login sees the new state.</summary>
    /// <param name="templateIsOwn">The session made <paramref name="request"/>: its headers, if any, are a sent hop's, not the caller's.</param>
    /// <param name="sendTemplate">The first hop may go out as <paramref name="request"/> itself (never sent before).</param>
    private Exchange ExchangeFor(HttpRequestMessage request, RequestOptions options, BufferedBody? body, bool templateIsOwn = false,
        bool sendTemplate = false)
    {
        var url = QueryMerge.With(ToUri(request.RequestUri ?? throw new ArgumentException("The request has no URL.")), Params, options.Params);
        var auth = options.Auth ?? Auth;
        var snapshot = new SessionSnapshot(_invoker, Cookies, auth is null ? null : (message, ct) => auth.ApplyAsync(message, this, ct),
            TimeProvider, Logger, Timeout, MaxRedirects, AllowHttpsToHttpRedirects, MaxResponseBodyBytes, Mounts);
        // A message the session made brings no headers of the caller's (reading Headers would even create them).
        var headers = !templateIsOwn ? HeaderMerge.Merge(Headers, request.Headers, options.Headers)
            : options.Headers.Count == 0 ? _sessionHeaders.For(Headers)
            : HeaderMerge.Merge(Headers, null, options.Headers);
        // Sent as it is only when nothing about it changes (no params merged into its URL): a replay reads it again.
        return new Exchange(snapshot, options, request, url, headers, body, sendTemplate && ReferenceEquals(url, request.RequestUri));
    }

    /// <summary>Logs in again by itself when a response says the session has expired (see <see cref="ReloginPolicy"/>).</summary>
    public ReloginPolicy? Relogin { get; set; }

    /// <summary>Runs the <see cref="Relogin"/> flow now unless this session has logged in through it before.</summary>
    public Task EnsureLoggedInAsync(CancellationToken cancellationToken = default)
    {
        var flow = Relogin?.Flow ?? throw new InvalidOperationException("Set Relogin to a login flow first.");
        return _logins.Generation > 0 ? Task.CompletedTask : _logins.LoginAsync(this, flow, 0, cancellationToken);
    }

    /// <summary>Runs the <see cref="Relogin"/> flow now, whatever the session's state.</summary>
    public Task LoginAsync(CancellationToken cancellationToken = default)
    {
        var flow = Relogin?.Flow ?? throw new InvalidOperationException("Set Relogin to a login flow first.");
        return _logins.LoginAsync(this, flow, _logins.Generation, cancellationToken);
    }

    /// <summary>True when <paramref name="probeUrl"/> answers 2xx without ending on the login page.</summary>
    public async Task<bool> IsLoggedInAsync(string probeUrl, CancellationToken cancellationToken = default)
    {
        // Straight through the exchange: a probe must observe the logged-out state, not repair it.
        using var response = await ExchangeFor(new SessionRequestMessage(HttpMethod.Get, ToUri(probeUrl)), DefaultOptions, null, templateIsOwn: true, sendTemplate: true)
            .RunAsync(cancellationToken);
        return response.IsSuccessStatusCode && (Relogin?.LoginPath is not { } login || response.RequestMessage?.RequestUri?.AbsolutePath != login);
    }

    private readonly LoginCoordinator _logins = new();
    private readonly MergedSessionHeaders _sessionHeaders = new();

    /// <summary>An absolute http(s) URI as it is (no second parse), anything else through <see cref="ToUri(string)"/>.</summary>
    internal Uri ToUri(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : ToUri(uri.OriginalString);

    internal Uri ToUri(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return absolute;
        if (BaseAddress is null)
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL and the session has no BaseAddress.", nameof(url));
        return new Uri(BaseAddress, url);
    }

    private static readonly RequestOptions DefaultOptions = new();

    public void Dispose() => _invoker.Dispose();

    public ValueTask DisposeAsync()
    {
        _invoker.Dispose();
        return ValueTask.CompletedTask;
    }
}
