using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using StackExchange.Redis;

namespace ReferenceServer;

/// <summary>
/// The reference's Redis mode: the barest Redis-backed session a minimal API can have, one plain command per request
/// (SET with a TTL at login, EXISTS on /protected), so run-redis.sh can show what one StackExchange.Redis round trip
/// costs a bare server on the same machine, beside FakeAuthServer's one script per request. Kept out of Program's
/// methods so the in-memory reference never loads StackExchange.Redis.
/// </summary>
static class RedisSessions
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Map(WebApplication app, string configuration, IReadOnlyDictionary<string, string> users)
    {
        var options = ConfigurationOptions.Parse(configuration);
        // The connection settings FakeAuthServer uses (src/FakeAuthServer/Redis/RedisConnection.cs), so the two
        // differ in what they send, not in how the client schedules its socket work.
        options.SocketManager = SocketManager.ThreadPool;
        var db = ConnectionMultiplexer.Connect(options).GetDatabase();

        app.MapPost("/api/login", async (HttpContext context) =>
        {
            if (!context.Request.HasFormContentType) return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            string? user = form["username"], password = form["password"];
            if (user is null || password is null) return Results.BadRequest();
            if (!users.TryGetValue(user, out var expected) || expected != password)
                return Answers.Fixed(Answers.LoginBad, "application/json", StatusCodes.Status401Unauthorized);
            var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            await db.StringSetAsync(Key(id), user, TimeSpan.FromHours(1));
            context.Response.Headers.SetCookie = $"user_id={id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600";
            return Answers.Fixed(Answers.LoginOk, "application/json", StatusCodes.Status200OK);
        });

        app.MapGet("/protected", async (HttpRequest request) =>
            request.Cookies["user_id"] is { } id && await db.KeyExistsAsync(Key(id))
                ? Answers.Fixed(Answers.ProtectedOk, "application/json", StatusCodes.Status200OK)
                : Answers.Fixed(Answers.Unauthorized, "application/problem+json", StatusCodes.Status401Unauthorized));
    }

    private static RedisKey Key(string id) => "reference:session:" + id;
}
