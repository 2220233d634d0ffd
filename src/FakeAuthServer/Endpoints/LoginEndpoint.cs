using FakeAuthServer.Auth;
using FakeAuthServer.Auth.Lockout;
using FakeAuthServer.Http;

namespace FakeAuthServer.Endpoints;

/// <summary>POST /api/login (seed 002): a valid login starts a server session named by the user_id cookie.</summary>
internal static class LoginEndpoint
{
    public static async Task<IResult> Handle(HttpContext context, SessionLogin login)
    {
        var (credentials, problem) = await LoginCredentials.ReadAsync(context.Request, context.RequestAborted);
        if (problem is not null) return problem;
        var outcome = await login.AttemptAsync(context, credentials!.Username, credentials.Password);
        if (outcome.Result == LoginResult.LockedOut) return outcome.LockedOutProblem(context);
        if (!outcome.Accepted) return FixedBodies.WithStatus(FixedBodies.InvalidCredentials, StatusCodes.Status401Unauthorized);
        return FixedBodies.Json200(FixedBodies.LoginSuccessful);
    }
}
