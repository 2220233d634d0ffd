using System.Text;
using System.Text.Json;
using FakeAuthServer.Sessions;

namespace FakeAuthServer.Admin.Inspector;

/// <summary>
/// GET /_admin/inspector/events: server-sent events for the inspector page. A <c>request</c> event for each request as
/// the journal records it, and a <c>clock</c> event — the server's now and the live sessions — after each batch of
/// requests and every second, so the page counts expiry down on the server's clock (advances included), not the
/// browser's. The stream ends when the client goes, when the server stops (never holding up its shutdown), and when
/// the page falls too far behind (a <c>dropped</c> event first; the browser's EventSource then reconnects).
/// </summary>
internal static class InspectorEventStream
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private const int MaxSessionsListed = 200;

    // Readable as sent ("Bearer •••", not "\u2022"); the page parses it with JSON.parse, never as HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static async Task Handle(HttpContext context, RequestJournal journal, ISessionStore sessions, TimeProvider time,
        IHostApplicationLifetime lifetime)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        using var subscription = journal.Subscribe();
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // a reverse proxy in front must not hold events back
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        var users = new SessionUsers();
        try
        {
            await WriteAsync(response, "retry: 1000\n\n", stop.Token); // reconnect after a second, not the default three
            await WriteClockAsync(response, sessions, time, users, stop.Token);
            while (!stop.IsCancellationRequested)
            {
                var waited = await WaitForRequestsAsync(subscription, Tick, stop.Token);
                if (subscription.Dropped)
                {
                    await WriteEventAsync(response, "dropped", new { reason = $"this page fell {RequestJournal.SubscriberQueueSize} requests behind" }, stop.Token);
                    return;
                }
                var batch = new List<InspectedRequest>();
                while (subscription.Reader.TryRead(out var request)) batch.Add(request);
                if (batch.Count == 0 && waited) continue;
                var listed = await ListAsync(sessions, users, stop.Token);
                foreach (var request in batch) await WriteEventAsync(response, "request", RequestEvent(request, users, time), stop.Token);
                await WriteEventAsync(response, "clock", ClockEvent(listed, time), stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page closed or the server is stopping: the stream just ends.
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
        }
    }

    /// <summary>True when requests may be waiting; false when the tick came first.</summary>
    private static async Task<bool> WaitForRequestsAsync(JournalSubscription subscription, TimeSpan tick, CancellationToken stop)
    {
        using var tickOrStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        tickOrStop.CancelAfter(tick); // real time: the page needs a heartbeat even when the server's clock is frozen
        try
        {
            await subscription.Reader.WaitToReadAsync(tickOrStop.Token);
            return true;
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task WriteClockAsync(HttpResponse response, ISessionStore sessions, TimeProvider time, SessionUsers users,
        CancellationToken cancellationToken) =>
        await WriteEventAsync(response, "clock", ClockEvent(await ListAsync(sessions, users, cancellationToken), time), cancellationToken);

    private static async Task<IReadOnlyList<ServerSession>> ListAsync(ISessionStore sessions, SessionUsers users, CancellationToken cancellationToken)
    {
        var listed = await sessions.ListAsync(MaxSessionsListed, cancellationToken);
        users.Learn(listed);
        return listed;
    }

    private static object ClockEvent(IReadOnlyList<ServerSession> sessions, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new
        {
            now,
            sessions = sessions.Where(s => !s.IsExpiredAt(now)).Select(s => new
            {
                id = s.Id, user = s.User, created = s.Created, lastSeen = s.LastSeen, expiresAt = s.ExpiresAt,
            }),
        };
    }

    private static object RequestEvent(InspectedRequest request, SessionUsers users, TimeProvider time)
    {
        var entry = request.Entry;
        var sessionId = request.SessionSet ?? request.SessionSent;
        return new
        {
            at = entry.At,
            now = time.GetUtcNow(),
            method = entry.Method,
            path = entry.Path,
            status = entry.Status,
            elapsedMs = Math.Round(entry.ElapsedMs, 1),
            cookiesReceived = request.CookiesReceived.Select(c => new { name = c.Key, value = c.Value }),
            cookiesSet = request.CookiesSet,
            authorization = request.Authorization,
            session = sessionId is null ? null : new { id = sessionId, user = users.Of(sessionId), started = request.SessionSet is not null },
        };
    }

    // JSON has no raw newline, so the data always fits one "data:" line.
    private static Task WriteEventAsync(HttpResponse response, string name, object data, CancellationToken cancellationToken) =>
        WriteAsync(response, $"event: {name}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", cancellationToken);

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Who each session id seen on this stream belongs to, so a request of a session that has since ended still names its user.</summary>
    private sealed class SessionUsers
    {
        private const int MaxRemembered = 4096;
        private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);

        public void Learn(IEnumerable<ServerSession> sessions)
        {
            foreach (var session in sessions)
            {
                if (_users.Count >= MaxRemembered) _users.Clear();
                _users[session.Id] = session.User;
            }
        }

        public string? Of(string id) => _users.GetValueOrDefault(id);
    }
}
