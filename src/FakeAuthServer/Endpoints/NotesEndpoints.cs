using System.Collections.Concurrent;
using System.Text.Json;
using FakeAuthServer.Http;
using FakeAuthServer.Sessions;

namespace FakeAuthServer.Endpoints;

/// <summary>
/// POST/GET /api/notes: a write behind the session cookie, so a client can show that a POST which met an expired
/// session is replayed after re-login and stored exactly once. Bounded: the newest 100 notes per user.
/// </summary>
internal sealed class NotesEndpoints
{
    private const int MaxPerUser = 100;
    private const int MaxLength = 1000;
    private readonly ConcurrentDictionary<string, Queue<string>> _notes = new(StringComparer.Ordinal);

    private sealed record NoteBody(string? Text);

    public static async Task<IResult> Add(HttpContext context, ISessionStore sessions, NotesEndpoints notes)
    {
        if (await UserOf(context, sessions) is not { } user) return FixedBodies.Problem(FixedBodies.Unauthorized, 401);
        if (!context.Request.HasJsonContentType()) return Problems.UnsupportedMediaType("application/json");
        var body = await JsonSerializer.DeserializeAsync<NoteBody>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        if (body?.Text is not { Length: > 0 and <= MaxLength } text)
            return Problems.BadRequest($"Send {{\"text\": …}} with 1 to {MaxLength} characters.");
        var queue = notes._notes.GetOrAdd(user, _ => new Queue<string>());
        lock (queue)
        {
            if (queue.Count == MaxPerUser) queue.Dequeue();
            queue.Enqueue(text);
        }
        return Results.Created("/api/notes", new { text });
    }

    public static async Task<IResult> List(HttpContext context, ISessionStore sessions, NotesEndpoints notes)
    {
        if (await UserOf(context, sessions) is not { } user) return FixedBodies.Problem(FixedBodies.Unauthorized, 401);
        if (!notes._notes.TryGetValue(user, out var queue)) return Results.Ok(Array.Empty<string>());
        lock (queue) return Results.Ok(queue.ToArray());
    }

    private static async Task<string?> UserOf(HttpContext context, ISessionStore sessions) =>
        (await SessionCookie.FindLiveAsync(context, sessions))?.User;
}
