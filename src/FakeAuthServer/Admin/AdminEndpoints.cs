using Microsoft.Extensions.Options;
using FakeAuthServer.Stubs;
using FakeAuthServer.Clock;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Auth.Tokens;
using FakeAuthServer.Flaky;
using FakeAuthServer.Hosting;
using FakeAuthServer.Http;
using FakeAuthServer.Sessions;
using FakeAuthServer.Users;

namespace FakeAuthServer.Admin;

/// <summary>The admin API's handlers: drive the clock, inspect and end sessions, add users, read the journal, reset, describe the server.</summary>
internal static class AdminEndpoints
{
    private const int MaxListed = 1000;
    private static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(3650);

    public sealed record AdvanceRequest(double? Seconds);
    public sealed record NewUser(string? Username, string? Password, string? TotpSecret);

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

    /// <summary>
    /// Adds a user or changes one: a new user needs a password, an existing one keeps it when none is given.
    /// totpSecret (Base32) gives the user a second factor, "" takes it away, absent leaves it as it is.
    /// </summary>
    public static IResult AddUser(NewUser? user, UserDirectory users)
    {
        var username = string.IsNullOrWhiteSpace(user?.Username) ? null : user.Username;
        if (Problems.IfMissing(("username", username)) is { } noName) return noName;
        var exists = users.Exists(username!);
        if (!exists && Problems.IfMissing(("password", user!.Password)) is { } noPassword) return noPassword;
        var secret = user!.TotpSecret;
        if (!string.IsNullOrEmpty(secret) && !Base32.TryDecode(secret, out _))
            return Problems.BadRequest("totpSecret must be RFC 4648 Base32 (letters A-Z and digits 2-7), e.g. JBSWY3DPEHPK3PXP.");

        if (user.Password is { } password) users.AddOrReplace(username!, password);
        if (secret is not null) users.SetTotpSecret(username!, secret.Length == 0 ? null : secret);
        var body = new { username, twoFactor = users.TotpSecretOf(username!) is not null };
        return exists ? Results.Ok(body) : Results.Created($"/_admin/users/{Uri.EscapeDataString(username!)}", body);
    }

    /// <summary>
    /// What a client needs to work with this server: its clock (advances included, for TOTP codes and cookie expiry),
    /// where it listens, and the fingerprint of an https certificate it made itself.
    /// </summary>
    public static IResult Info(IServer server, GeneratedHttpsCertificate certificate, TimeProvider time, HttpContext context) => Results.Ok(new
    {
        now = time.GetUtcNow(),
        addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [],
        generatedCertificateSha256 = certificate.Sha256,
        // Whether WireMock stubs run (--stubs) and their guards, so a scenario runner can tell a target that lacks them.
        stubs = StubRegistration.Running(context.RequestServices)
            ? new { guards = context.RequestServices.GetRequiredService<IOptions<StubOptions>>().Value.Guards }
            : null,
    });

    /// <summary>The certificate the server generated for https, as PEM, for clients to trust (curl --cacert, verify=).</summary>
    public static IResult Certificate(GeneratedHttpsCertificate certificate) =>
        certificate.Sha256 is null
            ? Problems.Of(StatusCodes.Status404NotFound, "No generated certificate",
                "This server generated no https certificate: start it with an https address in --urls (e.g. https://127.0.0.1:8443).")
            : Results.Text(certificate.Certificate.ExportCertificatePem() + "\n", "application/x-pem-file");

    public static IResult Requests(RequestJournal journal) => Results.Ok(journal.Snapshot());

    /// <summary>A new current signing key; tokens signed by the old one keep validating for the grace period.</summary>
    public static IResult RotateKeys(Auth.Oidc.SigningKeys keys) => Results.Ok(new { kid = keys.Rotate() });

    /// <summary>Only /flaky's state: a scenario's retry lesson can run again without logging its sessions out.</summary>
    public static async Task<IResult> ResetFlaky(FlakyDice dice, CancellationToken cancellationToken)
    {
        await dice.ResetAsync(cancellationToken);
        return Results.NoContent();
    }

    /// <summary>
    /// Back to a fresh server: sessions, tokens, flaky counters, lockouts, used TOTP codes, the journal, and the
    /// configured users and second factors. Time only moves forward.
    /// </summary>
    public static async Task<IResult> Reset(ISessionStore sessions, ITokenStore tokens, FlakyDice dice, LoginGuard guard,
        ITotpReplayGuard replays, RequestJournal journal, UserDirectory users, HttpContext context, CancellationToken cancellationToken)
    {
        users.Reset();
        await sessions.ClearAsync(cancellationToken);
        await tokens.ClearAsync(cancellationToken);
        await dice.ResetAsync(cancellationToken);
        await guard.ResetAsync(cancellationToken);
        await replays.ClearAsync(cancellationToken);
        journal.Clear();
        StubRegistration.ResetStubScenarios(context.RequestServices);
        return Results.NoContent();
    }
}
