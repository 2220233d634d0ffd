using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using ReferenceServer;

// The reference FakeAuthServer is measured against (bench/load/run-load.sh): the same answers on the routes the load
// script hits, written the plainest minimal-API way, with no middleware, options, lockout or purge. Listens where
// --urls says; logs only the host's start-up lines (like FakeAuthServer with LogRequests=false), nothing per request.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var app = builder.Build();

var users = new Dictionary<string, string>(StringComparer.Ordinal) { ["some_name"] = "pass", ["alice"] = "wonderland" };
var sessions = new ConcurrentDictionary<string, string>(StringComparer.Ordinal); // session id -> user
const int MaxSessions = 100_000;
var indented = new JsonSerializerOptions { WriteIndented = true }; // httpbin's two-space layout, as FakeAuthServer

// httpbin's GET /cookies: {"cookies": {name: value}} for the cookies the request carried.
app.MapGet("/cookies", (HttpRequest request) =>
    Results.Json(new { cookies = request.Cookies.ToDictionary(c => c.Key, c => c.Value) }, indented));

// --Redis host:port: sessions in Redis instead, one plain command per request (bench/load/run-redis.sh's reference).
if (app.Configuration["Redis"] is { Length: > 0 } redis)
{
    RedisSessions.Map(app, redis, users);
    app.Run();
    return;
}

// Seed 002's POST /api/login (form fields username, password): 200 + user_id session cookie, or 401.
app.MapPost("/api/login", async (HttpContext context) =>
{
    if (!context.Request.HasFormContentType) return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
    var form = await context.Request.ReadFormAsync(context.RequestAborted);
    string? user = form["username"], password = form["password"];
    if (user is null || password is null) return Results.BadRequest();
    if (!users.TryGetValue(user, out var expected) || expected != password)
        return Answers.Fixed(Answers.LoginBad, "application/json", StatusCodes.Status401Unauthorized);
    var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    // Bounded like FakeAuthServer (MaxSessions 100,000), in the barest way: start afresh. Unbounded, a login load
    // grows the dictionary to millions of entries and the reference would be timing its own GC.
    // (ConcurrentDictionary.Count takes every lock, so a counter keeps this cheap.)
    if (Interlocked.Increment(ref SessionCount.Value) > MaxSessions)
    {
        sessions.Clear();
        Interlocked.Exchange(ref SessionCount.Value, 1);
    }
    sessions[id] = user;
    context.Response.Headers.SetCookie = $"user_id={id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600";
    return Answers.Fixed(Answers.LoginOk, "application/json", StatusCodes.Status200OK);
});

// Seed 002's GET /protected: 200 with a known user_id cookie, 401 otherwise.
app.MapGet("/protected", (HttpRequest request) =>
    request.Cookies["user_id"] is { } id && sessions.ContainsKey(id)
        ? Answers.Fixed(Answers.ProtectedOk, "application/json", StatusCodes.Status200OK)
        : Answers.Fixed(Answers.Unauthorized, "application/problem+json", StatusCodes.Status401Unauthorized));

app.Run();

static class SessionCount
{
    public static int Value;
}
