namespace FakeAuthServer.Auth.Lockout;

public enum LoginResult
{
    Accepted,
    Rejected,
    LockedOut,
}

/// <summary>What a password check decided; <see cref="RetryAfter"/> is set when the user is locked out.</summary>
public readonly record struct LoginOutcome(LoginResult Result, TimeSpan RetryAfter = default)
{
    public bool Accepted => Result == LoginResult.Accepted;

    /// <summary>429 with Retry-After in whole seconds (rounded up), the answer every login endpoint gives a locked-out user.</summary>
    public IResult LockedOutProblem(HttpContext context)
    {
        var seconds = (long)Math.Ceiling(RetryAfter.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Http.Problems.Of(StatusCodes.Status429TooManyRequests, "Too many failed logins",
            $"This user is locked out after repeated wrong passwords; try again in {seconds} s.");
    }
}
