using FakeAuthServer.Auth;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Http;
using FakeAuthServer.Options;
using FakeAuthServer.Sessions;
using Microsoft.Extensions.Options;

namespace FakeAuthServer.Endpoints;

/// <summary>POST /api/login (seed 002): a valid login starts a server session named by the user_id cookie.</summary>
internal static class LoginEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, LoginGuard guard, ISessionStore sessions,
        IOptions<FakeAuthOptions> options)
    {
        var (credentials, problem) = await LoginCredentials.ReadAsync(context.Request, context.RequestAborted);
        if (problem is not null) return problem;
        var outcome = await guard.AttemptAsync(credentials!.Username, credentials.Password, context.RequestAborted);
        if (outcome.Result == LoginResult.LockedOut) return outcome.LockedOutProblem(context);
        if (!outcome.Accepted) return FixedBodies.WithStatus(FixedBodies.InvalidCredentials, StatusCodes.Status401Unauthorized);

        await SessionCookie.StartAsync(context, sessions, options.Value, credentials.Username);
        return FixedBodies.Json200(FixedBodies.LoginSuccessful);
    }
}
