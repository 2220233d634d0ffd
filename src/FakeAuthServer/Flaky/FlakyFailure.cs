using System.Collections.Frozen;
using System.Text;
using FakeAuthServer.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FakeAuthServer.Flaky;

/// <summary>
/// The designed failure of /flaky: 500 keeps seed 002's exact {"detail":"Server error"}; any other allowed status
/// gets a problem-details body naming it. Bodies are encoded once; Retry-After is added when asked for.
/// </summary>
internal sealed class FlakyFailure(int status, string? retryAfter) : IResult
{
    private static readonly FrozenDictionary<int, byte[]> Bodies = FailureStatuses.Allowed.ToFrozenDictionary(
        status => status,
        status => status == StatusCodes.Status500InternalServerError
            ? FixedBodies.FlakyServerError
            : Encoding.UTF8.GetBytes(
                $$"""{"title":"{{ReasonPhrases.GetReasonPhrase(status)}}","status":{{status}},"detail":"/flaky failed on purpose; a retry may succeed."}"""));

    public Task ExecuteAsync(HttpContext context)
    {
        var body = Bodies[status];
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = FixedBodies.ProblemJson;
        response.ContentLength = body.Length;
        if (retryAfter is not null) response.Headers.RetryAfter = retryAfter;
        return response.Body.WriteAsync(body).AsTask();
    }
}
