using System.Text.Json;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Flaky;
using FakeAuthServer.Http;
using FakeAuthServer.Sessions;
using FakeAuthServer.Users;

namespace FakeAuthServer.Admin;

/// <summary>The admin API's handlers: drive the clock, inspect and end sessions, add users, read the journal, reset.</summary>
internal static class AdminEndpoints
{
    private const int MaxListed = 1000;
    private static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(3650);

    public sealed record AdvanceRequest(double? Seconds);
    public sealed record NewUser(string? Username, string? Password);

    public static async Task<IResult> AdvanceClock(HttpRequest request, IServerClock clock, TimeProvider time)
    {
        double? seconds = null;
        if (request.Query.TryGetValue("seconds", out var text) &&
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q))
            seconds = q;
        else if (request.HasJsonContentType())
            seconds = (await JsonSerializer.DeserializeAsync<AdvanceRequest>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted))?.Seconds;

        if (seconds is not { } s || !double.IsFinite(s) || s <= 0 || s > MaxAdvance.TotalSeconds)
            return Problems.BadRequest($"Give seconds > 0 and at most {MaxAdvance.TotalSeconds:0}, as ?seconds=N or JSON {{\"seconds\": N}}.");
        clock.Advance(TimeSpan.FromSeconds(s));
        return Results.Ok(new { now = time.GetUtcNow(), advancedBySeconds = s });
    }

    public static async Task<IResult> ListSessions(ISessionStore sessions, CancellationToken cancellationToken) =>
        Results.Ok((await sessions.ListAsync(MaxListed, cancellationToken)).Select(s => new
        {
            id = s.Id, user = s.User, created = s.Created, lastSeen = s.LastSeen, expiresAt = s.ExpiresAt,
        }));

    public static async Task<IResult> EndSession(string id, ISessionStore sessions, CancellationToken cancellationToken) =>
        await sessions.RemoveAsync(id, cancellationToken)
            ? Results.NoContent()
            : Problems.Of(StatusCodes.Status404NotFound, "No such session", $"No live session has the id '{id}'.");

    public static IResult AddUser(NewUser? user, UserDirectory users)
    {
        var username = string.IsNullOrWhiteSpace(user?.Username) ? null : user.Username;
        if (Problems.IfMissing(("username", username), ("password", user?.Password)) is { } missing) return missing;
        users.AddOrReplace(username!, user!.Password!);
        return Results.Created($"/_admin/users/{Uri.EscapeDataString(username!)}", new { username });
    }

    public static IResult Requests(RequestJournal journal) => Results.Ok(journal.Snapshot());

    /// <summary>Back to a fresh server: sessions, tokens, flaky counters, lockouts and the journal. Time only moves forward.</summary>
    public static async Task<IResult> Reset(ISessionStore sessions, ITokenStore tokens, FlakyDice dice, LoginGuard guard,
        RequestJournal journal, CancellationToken cancellationToken)
    {
        await sessions.ClearAsync(cancellationToken);
        await tokens.ClearAsync(cancellationToken);
        await dice.ResetAsync(cancellationToken);
        await guard.ResetAsync(cancellationToken);
        journal.Clear();
        return Results.NoContent();
    }
}
