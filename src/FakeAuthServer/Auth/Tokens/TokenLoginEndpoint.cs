using FakeAuthServer.Auth.TwoFactor;
using FakeAuthServer.Http;
using FakeAuthServer.Auth.Lockout;

namespace FakeAuthServer.Auth.Tokens;

/// <summary>POST /api/auth/login: username and password (JSON or form) for a bearer access token and a refresh token.</summary>
internal static class TokenLoginEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, TokenLogin login, IPendingLogins pending)
    {
        var (credentials, problem) = await LoginCredentials.ReadAsync(context.Request, context.RequestAborted);
        if (problem is not null) return problem;
        // A first-party login may ask for any well-formed scopes (an API's own, e.g. invoices.read for RequireBearer).
        if (OAuth.Scopes.Parse(credentials!.Scope) is not { } scopes)
            return Problems.BadRequest("scope is a space-separated list of scope names (printable ASCII, no quotes or backslashes).");
        var grant = new TokenGrant(credentials.Username, ClientId: null, Scope: OAuth.Scopes.Join(scopes), TokenIssuer.NewFamily());
        var (outcome, tokens) = await login.AttemptAsync(credentials.Username, credentials.Password, grant, context.RequestAborted);
        if (outcome.Result == LoginResult.LockedOut) return outcome.LockedOutProblem(context);
        if (!outcome.Accepted)
            return Problems.Of(StatusCodes.Status401Unauthorized, "Invalid credentials", "The username or password is wrong.");
        if (tokens is not null) return NoStore.Wrap(Results.Ok(tokens));

        // A TOTP user gets a ticket instead of tokens; POST /api/auth/2fa exchanges it with a code.
        var ticket = await pending.CreateAsync(credentials.Username, next: "/", context.RequestAborted);
        return NoStore.Wrap(Results.Ok(new { two_factor_required = true, login_ticket = ticket.Id,
            expires_in = (int)PendingLogins.Lifetime.TotalSeconds }));
    }
}
