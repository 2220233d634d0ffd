using FakeAuthServer.Http;
using FakeAuthServer.Options;

namespace FakeAuthServer.Sessions;

/// <summary>The user_id session cookie every login sets (/api/login, /login, /2fa); /protected, /dashboard and /api/notes read it here.</summary>
internal static class SessionCookie
{
    /// <summary>The tutorials' session cookie: every login sets it, everything that needs a session reads it.</summary>
    public const string Name = "user_id";

    /// <summary>The live session the request carries (a browser may send several user_id cookies), or null.</summary>
    public static async Task<ServerSession?> FindLiveAsync(HttpContext context, ISessionStore sessions)
    {
        foreach (var id in CookieHeader.ValuesOf(context.Request, Name))
            if (await sessions.FindAsync(id, context.RequestAborted) is { } session)
                return session;
        return null;
    }

    /// <summary>
    /// Always a fresh id, never one the browser brought (no session fixation); the sessions the browser carried
    /// end, so a planted or earlier id cannot ride along.
    /// </summary>
    public static async Task StartAsync(HttpContext context, ISessionStore sessions, FakeAuthOptions options, string user)
    {
        await EndCarriedAsync(context, sessions);
        Append(context, await sessions.CreateAsync(user, context.RequestAborted), options);
    }

    /// <summary>The cookie naming a session just started.</summary>
    public static void Append(HttpContext context, ServerSession session, FakeAuthOptions options) =>
        SetCookie.AppendSessionCookie(context.Response, Name, session.Id, options.SessionLifetime);

    /// <summary>A logout (/logout, the OIDC end_session endpoint): the carried sessions end and the cookie is expired.</summary>
    public static async Task EndAsync(HttpContext context, ISessionStore sessions)
    {
        await EndCarriedAsync(context, sessions);
        Auth.Forms.FormCookies.AppendExpired(context.Response, Name);
    }

    public static async Task EndCarriedAsync(HttpContext context, ISessionStore sessions)
    {
        foreach (var id in CarriedIds(context)) await sessions.RemoveAsync(id, context.RequestAborted);
    }

    /// <summary>The session ids the request's user_id cookies name (only those shaped like one: a stray value names no key).</summary>
    public static IReadOnlyList<string> CarriedIds(HttpContext context)
    {
        List<string>? ids = null;
        foreach (var id in CookieHeader.ValuesOf(context.Request, Name))
            if (SessionIds.HasValidShape(id)) (ids ??= []).Add(id);
        return ids ?? (IReadOnlyList<string>)[];
    }
}
